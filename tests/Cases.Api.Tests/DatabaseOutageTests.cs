using System.Diagnostics;
using System.Net;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

/// <summary>
/// The cases service while its database refuses connections. The class has a host and database of its own
/// (<see cref="CasesApiFactory"/> as a class fixture), so the outage reaches no other test.
/// </summary>
public sealed class DatabaseOutageTests(CasesApiFactory factory) : IClassFixture<CasesApiFactory>
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task OpenCase_DatabaseUnavailable_Returns503WithRetryAfterFast_AndSucceedsOnceItIsBack()
    {
        var client = factory.ClientFor(_tenant, "stadt-rietberg", "case_manager");
        Assert.Equal(HttpStatusCode.Created, (await client.OpenAsync(CaseRequests.Valid())).StatusCode);

        await using (var outage = await DatabaseOutage.BeginAsync(factory.OwnerConnectionString))
        {
            for (var attempt = 0; attempt < 3; attempt++)
            {
                var watch = Stopwatch.StartNew();
                var response = await client.OpenAsync(CaseRequests.Valid());

                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
                Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(10));
            }
        }

        // Pooled connections the outage broke may each fail one more call; every answer must still be 201 or 503.
        var statuses = new List<HttpStatusCode>();
        await Eventually.GetAsync(async () =>
        {
            statuses.Add((await client.OpenAsync(CaseRequests.Valid())).StatusCode);
            return statuses[^1];
        }, status => status != HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.Created, statuses[^1]);
        Assert.All(statuses[..^1], status => Assert.Equal(HttpStatusCode.ServiceUnavailable, status));
        Assert.Equal(2, await factory.CountAsync("SELECT count(*) FROM cases WHERE tenant_id = @p0", _tenant));
    }
}
