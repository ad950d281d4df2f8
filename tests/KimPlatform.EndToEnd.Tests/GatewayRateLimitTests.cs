using System.Net;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>
/// The running stack's limits (1200 and 300 a minute) are too high to reach in a test, so a second gateway instance in
/// process runs with the same code and limits of 3 per user and 2 per anonymous client.
/// </summary>
public sealed class GatewayRateLimitTests(NamedServices services) : IClassFixture<NamedServices>, IDisposable
{
    private readonly InProcessGateway _gateway = new(services.Addresses, new Dictionary<string, string?>
    {
        ["Gateway:RateLimit:PermitsPerMinutePerUser"] = "3",
        ["Gateway:RateLimit:PermitsPerMinuteAnonymous"] = "2",
    });

    [Fact]
    public async Task User_OverTheLimit_Gets429WithRetryAfter_WhileAnotherUserIsServed()
    {
        var tenant = TestEnvironment.NewTenant();
        var user = _gateway.Client(tenant, "ki-guetersloh", "coordinator");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/reports/cases")).StatusCode);
        }

        var refused = await user.GetAsync("/api/reports/cases");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));

        var colleague = _gateway.Client(tenant, "ki-guetersloh", "coordinator");
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync("/api/reports/cases")).StatusCode);
    }

    [Fact]
    public async Task AnonymousClient_OverTheLimit_Gets429WithRetryAfter()
    {
        var anonymous = _gateway.Client();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/partners/offers?tenant=kreis-guetersloh")).StatusCode);
        }

        var refused = await anonymous.GetAsync("/api/partners/offers?tenant=kreis-guetersloh");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
    }

    public void Dispose() => _gateway.Dispose();
}
