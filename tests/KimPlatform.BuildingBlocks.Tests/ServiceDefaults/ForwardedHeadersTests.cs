using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace KimPlatform.BuildingBlocks.Tests.ServiceDefaults;

/// <summary><c>X-Forwarded-For</c> counts only from a trusted proxy, so a client cannot pick its own address.</summary>
public sealed class ForwardedHeadersTests
{
    [Theory]
    // a client on the network names any address it likes: ignored
    [InlineData("203.0.113.5", null, null, "203.0.113.5")]
    // the default trusts loopback (the gateway next to the services)
    [InlineData("127.0.0.1", null, null, "198.51.100.7")]
    // the gateway sets TrustLoopback=false: a local client cannot spoof either
    [InlineData("127.0.0.1", "false", null, "127.0.0.1")]
    // the county's load balancer, configured as a network
    [InlineData("10.20.0.4", "false", "10.20.0.0/24", "198.51.100.7")]
    // … or as one address
    [InlineData("10.20.0.4", "false", "10.20.0.4", "198.51.100.7")]
    // another machine in the data centre is not the load balancer
    [InlineData("10.20.1.4", "false", "10.20.0.0/24", "10.20.1.4")]
    public async Task RemoteAddress_FollowsForwardedFor_OnlyFromTrustedProxies(string peer, string? trustLoopback, string? knownProxy, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ForwardedHeaders:TrustLoopback"] = trustLoopback,
            ["ForwardedHeaders:KnownProxies:0"] = knownProxy,
        };
        await using var app = TestApp.Build("Production", settings,
            map: app => app.MapGet("/address", (HttpContext http) => http.Connection.RemoteIpAddress!.ToString()));
        await app.StartAsync();

        var context = await app.GetTestServer().SendAsync(http =>
        {
            http.Request.Method = "GET";
            http.Request.Path = "/address";
            http.Connection.RemoteIpAddress = IPAddress.Parse(peer);
            http.Request.Headers["X-Forwarded-For"] = "198.51.100.7";
        });

        using var reader = new StreamReader(context.Response.Body);
        Assert.Equal(expected, await reader.ReadToEndAsync());
    }
}
