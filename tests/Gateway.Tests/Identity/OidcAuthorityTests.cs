using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KimPlatform.Gateway.Tests.Support;

namespace KimPlatform.Gateway.Tests.Identity;

/// <summary>
/// The gateway in production configuration (an authority and an audience, environment Production) against a real
/// OpenID Connect provider: keys from discovery and JWKS, rotation, issuer and audience, and claims mapped from a
/// Keycloak-shaped token (<c>organisation</c>, <c>realm_access.roles</c>).
/// </summary>
public sealed class OidcAuthorityTests
{
    [Fact]
    public async Task MachineClientToken_FromProvider_IsAcceptedWithMappedClaims()
    {
        await using var provider = await OidcProvider.StartAsync([OidcProvider.NewKey("k1")]);
        await using var gateway = await StartGatewayAsync(provider);
        using var client = Bearer(gateway, await provider.MachineTokenAsync());

        using var proxied = await client.GetAsync("/api/cases");
        using var me = await client.GetAsync("/auth/me");

        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var caller = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(OidcProvider.MachineClientId, caller.GetProperty("user").GetString());
        Assert.Equal(OidcProvider.Tenant, caller.GetProperty("tenant").GetString());
        Assert.Equal("stadt-rietberg", caller.GetProperty("organisation").GetString());
        // uma_authorization is a provider role, not a platform one: dropped.
        Assert.Equal(["case_manager"], caller.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
    }

    [Fact]
    public async Task ProviderToken_WithoutOrganisationMapping_Returns401()
    {
        await using var provider = await OidcProvider.StartAsync([OidcProvider.NewKey("k1")]);
        // The provider calls it "organisation"; without the mapping the token has no org and is refused.
        await using var gateway = await StartGatewayAsync(provider, new Dictionary<string, string?> { ["Identity:Claims:Organisation"] = "org" });
        using var client = Bearer(gateway, await provider.MachineTokenAsync());

        using var response = await client.GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ProviderRotatesKeys_NewTokenAcceptedWithoutRestart_RetiredKeyRefusedAfterRefresh()
    {
        var first = OidcProvider.NewKey("k1");
        var second = OidcProvider.NewKey("k2");
        var third = OidcProvider.NewKey("k3");
        await using var provider = await OidcProvider.StartAsync([first]);
        await using var gateway = await StartGatewayAsync(provider);
        var oldToken = await provider.MachineTokenAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, oldToken));

        // Rotation: k2 signs, k1 is still published (as Keycloak keeps a passive key).
        await provider.RestartAsync([second, first]);
        var newToken = await provider.MachineTokenAsync();
        Assert.Equal("k2", Kid(newToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, newToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, oldToken));

        // k1 retired: once a token with the unknown k3 makes the gateway fetch the keys again, k1's tokens are refused.
        await provider.RestartAsync([third, second]);
        await Task.Delay(TimeSpan.FromSeconds(1.2)); // Identity:KeyRefreshInterval below: the earliest next refresh
        var newestToken = await provider.MachineTokenAsync();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, newestToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(gateway, oldToken));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, newToken));
    }

    [Fact]
    public async Task TokenForAnotherAudience_Returns401()
    {
        await using var provider = await OidcProvider.StartAsync([OidcProvider.NewKey("k1")]);
        await using var gateway = await StartGatewayAsync(provider);

        var status = await StatusAsync(gateway, await provider.MachineTokenAsync(resource: "urn:other-api"));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task TokenFromAnotherIssuerWithTheSameKey_Returns401()
    {
        var key = OidcProvider.NewKey("shared");
        await using var trusted = await OidcProvider.StartAsync([key]);
        await using var impostor = await OidcProvider.StartAsync([key]);
        await using var gateway = await StartGatewayAsync(trusted);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(gateway, await trusted.MachineTokenAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(gateway, await impostor.MachineTokenAsync()));
    }

    [Fact]
    public async Task DevelopmentToken_AtGatewayWithAuthority_Returns401()
    {
        await using var provider = await OidcProvider.StartAsync([OidcProvider.NewKey("k1")]);
        await using var gateway = await StartGatewayAsync(provider);
        using var client = gateway.CreateClient(OidcProvider.Tenant, "stadt-rietberg", "case_manager");

        using var response = await client.GetAsync("/api/cases");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    internal static Task<GatewayHost> StartGatewayAsync(OidcProvider provider, Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Identity:Authority"] = provider.Issuer,
            ["Identity:Audience"] = "kim-platform",
            ["Identity:RequireHttpsMetadata"] = "false",
            ["Identity:KeyRefreshInterval"] = "00:00:01",
            ["Identity:Claims:Organisation"] = "organisation",
            ["Identity:Claims:Roles"] = "realm_access.roles",
        };
        foreach (var (name, value) in overrides ?? [])
        {
            settings[name] = value;
        }

        return GatewayHost.StartAsync(settings, environment: "Production");
    }

    private static HttpClient Bearer(GatewayHost gateway, string token)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<HttpStatusCode> StatusAsync(GatewayHost gateway, string token)
    {
        using var client = Bearer(gateway, token);
        using var response = await client.GetAsync("/api/cases");
        return response.StatusCode;
    }

    private static string Kid(string token) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(token).Kid;
}
