using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using KimPlatform.Gateway.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Gateway.Tests.Routing;

/// <summary>
/// A service with several replicas (<c>services:cases-api:http:0</c>, <c>…:1</c>) is one cluster with a destination per
/// replica: requests are spread over them, and a replica that refuses connections costs the client nothing.
/// </summary>
public sealed class ReplicaRoutingTests
{
    [Fact]
    public async Task TwoReplicas_RequestsReachBoth()
    {
        await using var second = await EchoService.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["services:cases-api:http:1"] = second.Address.ToString(),
        });
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager");

        var hosts = new List<string?>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync("/api/cases/anything");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // YARP sends the destination's own host, so the echo tells which replica answered.
            hosts.Add((await EchoService.Echo.ReadAsync(response)).Header("Host"));
        }

        Assert.Equal(2, hosts.Distinct().Count());
    }

    [Fact]
    public async Task Post_OneReplicaRefusesConnections_EveryRequestIsAnsweredByTheOther()
    {
        var gone = UnusedLoopbackAddress();
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["services:cases-api:http:1"] = gone.ToString(),
        });
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
        {
            using var body = new StringContent("""{"n":1}""", Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/cases", body);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                // The body reached the live replica whole, although the first attempt went to the dead one.
                Assert.Equal("7", (await EchoService.Echo.ReadAsync(response)).Header("Content-Length"));
            }
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Get_ReplicaRefusedConnectionsAndListensAgain_IsBackInRotationAfterTheReactivationPeriod()
    {
        var replica = UnusedLoopbackAddress();
        await using var gateway = await GatewayHost.StartAsync(new Dictionary<string, string?>
        {
            ["services:cases-api:http:1"] = replica.ToString(),
        });
        using var client = gateway.CreateClient(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager");
        // Enough refused connections for the passive check to take the replica out (it judges from ten requests on).
        for (var i = 0; i < 40; i++)
        {
            using var response = await client.GetAsync("/api/cases/anything");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var restarted = await EchoService.StartAsync(replica);
        var backAfter = Stopwatch.StartNew();
        var answeredByRestarted = await Eventually.GetAsync(async () =>
        {
            using var response = await client.GetAsync("/api/cases/anything");
            return (await EchoService.Echo.ReadAsync(response)).Header("Host") == replica.Authority;
        }, answered => answered, TimeSpan.FromSeconds(40));

        // Not a timing assertion: YARP's default failure window kept such a replica out for a whole minute.
        Assert.True(answeredByRestarted, "the restarted replica got no request within 40 s");
        TestContext.Current.TestOutputHelper?.WriteLine($"back in rotation after {backAfter.Elapsed.TotalSeconds:F1} s");
    }

    // A loopback port that nothing listens on: bound once to get it from the system, then released.
    private static Uri UnusedLoopbackAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
