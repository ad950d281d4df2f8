using System.Net;
using KimPlatform.Gateway.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Gateway.Tests.Policies;

/// <summary>The gateway's limiter sits between authentication and authorisation, and counts per caller and per tenant.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task RequestsWithoutToken_AreLimitedToo_429WithRetryAfter()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerMinuteAnonymous"] = "3",
        });
        using var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            last = await client.GetAsync("/api/cases");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        last.Dispose();
    }

    [Fact]
    public async Task TenantFloods_ItsUsersGet429_AnotherTenantIsStillServed()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerMinutePerTenant"] = "5",
            ["Gateway:RateLimit:PermitsPerMinutePerUser"] = "100",
        });
        var flooding = TestEnvironment.NewTenant("kreis-flood");

        // Five users of one tenant, one call each, use up the tenant's budget; each user is far below its own.
        for (var user = 0; user < 5; user++)
        {
            using var client = gateway.CreateClient(flooding, "stadt-rietberg", "case_manager");
            using var served = await client.GetAsync("/api/cases");
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        }

        using var sixthUser = gateway.CreateClient(flooding, "stadt-verl", "case_manager");
        using var refused = await sixthUser.GetAsync("/api/cases");
        using var otherTenant = gateway.CreateClient(TestEnvironment.NewTenant("kreis-quiet"), "stadt-rietberg", "case_manager");
        using var unaffected = await otherTenant.GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After in seconds");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
    }

    [Fact]
    public async Task UserFloods_OtherUserOfSameTenantIsStillServed()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerMinutePerTenant"] = "100",
            ["Gateway:RateLimit:PermitsPerMinutePerUser"] = "2",
        });
        var tenant = TestEnvironment.NewTenant();
        using var flooding = gateway.CreateClient(tenant, "stadt-rietberg", "case_manager");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await flooding.GetAsync("/api/cases");
            statuses.Add(response.StatusCode);
        }

        using var colleague = gateway.CreateClient(tenant, "stadt-rietberg", "case_manager");
        using var served = await colleague.GetAsync("/api/cases");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }
}
