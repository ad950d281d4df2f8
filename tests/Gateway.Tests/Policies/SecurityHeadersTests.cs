using System.Net;
using KimPlatform.Gateway.Policies;
using KimPlatform.Gateway.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Gateway.Tests.Policies;

/// <summary>Every answer, the gateway's own and the proxied ones, carries the security headers and no banners.</summary>
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/api/cases", true)]   // proxied (the echo service sends Server and X-Powered-By)
    [InlineData("/api/cases", false)]  // the gateway's own 401
    [InlineData("/health/live", false)]
    public async Task AnyAnswer_HasNosniffAndReferrerPolicy_NoServerBanners(string path, bool withToken)
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var client = withToken ? gateway.CreateClient(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager") : gateway.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Null(Header(response, "Server"));
        Assert.Null(Header(response, "X-Powered-By"));
        Assert.Null(Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task CorrelationId_FromClient_IsEchoedOnceAndPassedOn()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
        request.Headers.Add("X-Correlation-Id", "county-ticket-4711");

        using var response = await client.SendAsync(request);

        Assert.Equal("county-ticket-4711", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal("county-ticket-4711", (await EchoService.Echo.ReadAsync(response)).Header("X-Correlation-Id"));
    }

    [Theory]
    [InlineData(EchoService.HtmlPath)]
    [InlineData("/docs/")]
    public async Task HtmlAnswer_WithoutPolicyOfItsOwn_GetsTheGatewaysCsp(string path)
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "kreis", "coordinator");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Equal(SecurityHeadersMiddleware.DefaultContentSecurityPolicy, Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task JsonAnswer_HasNoCsp()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager");

        using var response = await client.GetAsync("/api/cases");

        Assert.Null(Header(response, "Content-Security-Policy"));
    }

    [Theory]
    [InlineData(true, SecurityHeadersMiddleware.StrictTransportSecurity)]
    [InlineData(false, null)]
    public async Task Hsts_OnlyWhenTheTrustedProxySaysTls(bool proxyTrusted, string? expected)
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = proxyTrusted ? "127.0.0.1" : null,
        });
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Header(response, "Strict-Transport-Security"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
