using System.Net;
using System.Net.Http.Headers;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>Headers a client makes up change nothing: not the address its limit counts, not the tenant, role or route it gets.</summary>
public sealed class HeaderSpoofingTests(SeededTenant seeded, NamedServices services) : IClassFixture<SeededTenant>, IClassFixture<NamedServices>
{
    private static readonly string[] ForgedHeaders =
    [
        "X-Tenant", "X-Tenant-Id", "X-Org", "X-Organisation-Id", "X-User", "X-User-Id", "X-Roles", "X-User-Roles",
        "X-Forwarded-User", "X-Auth-Request-User", "X-Remote-User", "X-Original-URL", "X-Rewrite-URL", "X-Forwarded-Prefix",
        "X-Forwarded-Host", "X-HTTP-Method-Override", "X-Forwarded-For", "X-Real-IP",
    ];

    [Fact]
    public async Task AnonymousClient_NewXForwardedForOnEveryCall_StillHitsItsLimit()
    {
        using var gateway = new InProcessGateway(services.Addresses, new Dictionary<string, string?>
        {
            ["Gateway:RateLimit:PermitsPerMinuteAnonymous"] = "2",
        });
        using var anonymous = gateway.Client();

        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/partners/offers?tenant=kreis-guetersloh");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", $"198.51.100.{i}");
            request.Headers.TryAddWithoutValidation("X-Real-IP", $"198.51.100.{i}");
            statuses.Add((await anonymous.SendAsync(request)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task AnotherTenantsCaller_ForgedIdentityAndRoutingHeaders_StillGets404()
    {
        using var client = Stack.Gateway();
        var token = CraftedTokens.Valid(TestEnvironment.NewTenant("kreis-other"), seeded.CaseOrganisation, "case_manager");

        async Task<(HttpStatusCode, string)> GetCaseAsync(bool forged)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{seeded.CaseId}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (forged)
            {
                Forge(request, seeded.Tenant, $"/api/cases/{seeded.CaseId}");
            }

            using var response = await client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var (plain, _) = await GetCaseAsync(forged: false);
        var (withForgedHeaders, body) = await GetCaseAsync(forged: true);

        Assert.Equal(HttpStatusCode.NotFound, plain);
        Assert.Equal(plain, withForgedHeaders);
        Assert.DoesNotContain(seeded.Marker, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_PublicRouteWithHeadersPointingAtAProtectedOne_GetsThePublicAnswerOnly()
    {
        using var client = Stack.Gateway();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/events?tenant={seeded.Tenant}");
        Forge(request, seeded.Tenant, $"/api/cases/{seeded.CaseId}");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(seeded.Marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static void Forge(HttpRequestMessage request, string tenant, string protectedPath)
    {
        foreach (var header in ForgedHeaders)
        {
            var value = header switch
            {
                "X-Original-URL" or "X-Rewrite-URL" => protectedPath,
                "X-Forwarded-Prefix" => "/api/cases",
                "X-HTTP-Method-Override" => "DELETE",
                "X-Forwarded-For" or "X-Real-IP" => "127.0.0.1",
                "X-Roles" or "X-User-Roles" => "tenant_admin",
                "X-Org" or "X-Organisation-Id" => "stadt-sec-a",
                _ => tenant,
            };
            request.Headers.TryAddWithoutValidation(header, value);
        }
    }
}
