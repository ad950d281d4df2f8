using KimPlatform.Gateway.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Gateway.Tests.Policies;

/// <summary>A client cannot hand a service headers that only the gateway (or the county's proxy) may set.</summary>
public sealed class InternalHeadersTests
{
    [Theory]
    [InlineData("X-Tenant", "kreis-other")]
    [InlineData("X-Tenant-Id", "kreis-other")]
    [InlineData("X-User-Id", "admin")]
    [InlineData("X-Kim-Caller", "tenant_admin")]
    [InlineData("X-KIM-CSRF", "token")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    [InlineData("X-Original-For", "203.0.113.7")]
    [InlineData("X-HTTP-Method-Override", "DELETE")]
    public async Task ClientSendsInternalHeader_ServiceNeverSeesIt(string name, string value)
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
        request.Headers.TryAddWithoutValidation(name, value);

        using var response = await client.SendAsync(request);
        var echo = await EchoService.Echo.ReadAsync(response);

        Assert.Equal("/api/cases", echo.Path);
        Assert.Null(echo.Header(name));
    }

    [Fact]
    public async Task ClientSendsXForwardedFor_ServiceSeesTheRealAddress()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/cases");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Forwarded-Host", "evil.example");

        using var response = await client.SendAsync(request);
        var echo = await EchoService.Echo.ReadAsync(response);

        Assert.Equal("127.0.0.1", echo.Header("X-Forwarded-For"));
        Assert.DoesNotContain("evil.example", echo.Header("X-Forwarded-Host") ?? "", StringComparison.Ordinal);
    }
}
