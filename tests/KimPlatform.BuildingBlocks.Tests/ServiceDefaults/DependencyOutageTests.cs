using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace KimPlatform.BuildingBlocks.Tests.ServiceDefaults;

/// <summary>
/// A dependency that is down answers 503 with <c>Retry-After</c>, whatever wraps the driver's exception; a bug still
/// answers 500. The real database outage is in the cases service's tests (DatabaseOutageTests).
/// </summary>
public sealed class DependencyOutageTests
{
    [Theory]
    [InlineData("application/json")]
    [InlineData("text/html")]
    public async Task Get_WrappedConnectionRefused_Answers503ProblemWithConfiguredRetryAfter(string accept)
    {
        var response = await GetAsync(accept, new InvalidOperationException("save failed",
            new TimeoutException("open timed out", new SocketException((int)SocketError.ConnectionRefused))), retryAfter: "7");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter?.Delta);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Get_OrdinaryBug_StillAnswers500WithoutRetryAfter()
    {
        var response = await GetAsync("application/json", new InvalidOperationException("a bug"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
    }

    private static async Task<HttpResponseMessage> GetAsync(string accept, Exception thrown, string? retryAfter = null)
    {
        var app = TestApp.Build("Production", new Dictionary<string, string?> { ["DependencyOutage:RetryAfterSeconds"] = retryAfter },
            map: app => app.MapGet("/save", string () => throw thrown));
        await app.StartAsync();
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);
        var response = await client.GetAsync("/save");
        await response.Content.LoadIntoBufferAsync();
        await app.DisposeAsync();
        return response;
    }
}
