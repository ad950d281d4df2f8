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

    private const string WebAppKey = "the-web-apps-forwarding-key-0123456789abcdef";

    [Fact]
    public async Task PortalVisitorsNamedByTheWebApp_EachHaveTheirOwnAnonymousBudget()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerMinuteAnonymous"] = "2",
            ["Gateway:WebApp:ForwardingKey"] = WebAppKey,
        });
        using var webApp = gateway.CreateClient();

        var first = await DirectoryStatusesAsync(webApp, 3, WebAppKey, "203.0.113.7");
        var second = await DirectoryStatusesAsync(webApp, 1, WebAppKey, "203.0.113.8");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], first);
        Assert.Equal([HttpStatusCode.OK], second);
    }

    [Fact]
    public async Task ClientWithoutTheWebAppsKey_NamingAnAddress_IsCountedUnderItsOwn()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerMinuteAnonymous"] = "2",
            ["Gateway:WebApp:ForwardingKey"] = WebAppKey,
        });
        using var client = gateway.CreateClient();

        // Each call names a fresh address, without the key or with a wrong one: all count against the client's own address.
        var statuses = new List<HttpStatusCode>();
        statuses.AddRange(await DirectoryStatusesAsync(client, 1, null, "203.0.113.21"));
        statuses.AddRange(await DirectoryStatusesAsync(client, 1, "not-the-key", "203.0.113.22"));
        statuses.AddRange(await DirectoryStatusesAsync(client, 1, WebAppKey[..^1] + "X", "203.0.113.23"));
        // A visitor the web app names is not hurt by it.
        var visitor = await DirectoryStatusesAsync(client, 1, WebAppKey, "203.0.113.21");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal([HttpStatusCode.OK], visitor);
    }

    private static async Task<List<HttpStatusCode>> DirectoryStatusesAsync(HttpClient client, int calls, string? key, string address)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < calls; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/partners/offers?tenant=kreis-guetersloh");
            request.Headers.Add("X-Kim-Client-Address", address);
            if (key is not null)
            {
                request.Headers.Add("X-Kim-Web-Key", key);
            }

            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
