using System.Net;
using KimPlatform.Gateway.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Gateway.Tests.Policies;

/// <summary>Only the origins in <c>Gateway:Cors:AllowedOrigins</c> may call the API from a browser.</summary>
public sealed class CorsTests
{
    private const string Allowed = "https://portal.kreis-guetersloh.de";

    [Theory]
    [InlineData(Allowed, Allowed)]
    [InlineData("https://evil.example", null)]
    [InlineData("https://portal.kreis-guetersloh.de.evil.example", null)]
    public async Task Preflight_OnlyAllowedOriginIsAllowed(string origin, string? expected)
    {
        await using var gateway = await GatewayHost.StartAsync(Settings());
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/cases");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.NoContent or HttpStatusCode.OK, $"preflight answered {response.StatusCode}");
        Assert.Equal(expected, AllowedOrigin(response));
        if (expected is not null)
        {
            Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
        }
    }

    [Theory]
    [InlineData(Allowed, Allowed)]
    [InlineData("https://evil.example", null)]
    public async Task CallWithOrigin_AnswerNamesOnlyAllowedOrigin(string origin, string? expected)
    {
        await using var gateway = await GatewayHost.StartAsync(Settings());
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
        request.Headers.Add("Origin", origin);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, AllowedOrigin(response));
    }

    [Fact]
    public async Task NoOriginsConfigured_NoOriginIsAllowed()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Options, "/api/cases");
        request.Headers.Add("Origin", Allowed);
        request.Headers.Add("Access-Control-Request-Method", "GET");

        using var response = await client.SendAsync(request);

        Assert.Null(AllowedOrigin(response));
    }

    private static Dictionary<string, string?> Settings() => new() { ["Gateway:Cors:AllowedOrigins:0"] = Allowed };

    private static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
}
