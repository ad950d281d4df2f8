using System.Diagnostics;
using System.Net;
using KimPlatform.Gateway.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Gateway.Tests.Policies;

/// <summary>Each route's time limit comes from configuration; a slower service gets the caller a 504 problem.</summary>
public sealed class TimeoutTests
{
    [Fact]
    public async Task RouteSlowerThanItsTimeout_Returns504Problem()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Timeouts:Routes:cases-0"] = "00:00:01",
        });
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager");
        var started = Stopwatch.StartNew();

        using var response = await client.GetAsync(EchoService.SlowPath);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // The echo service would take 20 seconds; the answer came from the gateway's limit, not from the service.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task OtherRoute_KeepsTheDefaultTimeout()
    {
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["Gateway:Timeouts:Routes:cases-0"] = "00:00:01",
            ["Gateway:Timeouts:Default"] = "00:00:30",
        });
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "kreis", "coordinator");

        using var response = await client.GetAsync("/api/partners/anything");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
