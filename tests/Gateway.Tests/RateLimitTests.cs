using System.Net;
using KimPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KimPlatform.Gateway.Tests;

/// <summary>The gateway's limiter sits between authentication and authorisation, so refused requests count too.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task RequestsWithoutToken_AreLimitedToo_429WithRetryAfter()
    {
        await using var gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Identity:DevelopmentSigningKey", DevTokens.NewKey());
            host.UseSetting("Gateway:RateLimit:PermitsPerMinuteAnonymous", "3");
            foreach (var service in new[] { "cases-api", "partners-api", "events-api", "reporting-api" })
            {
                // Never reached: every request here is turned away before it would be proxied.
                host.UseSetting($"services:{service}:http:0", "http://127.0.0.1:9");
            }
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
}
