using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace KimPlatform.BuildingBlocks.Tests.ServiceDefaults;

/// <summary>
/// An unexpected exception answers 500 problem details without a stack trace, the exception's type or its message, in
/// every environment: `./kim up` runs the services in Development, and their answers still reach browsers and clients.
/// </summary>
public sealed class UnhandledExceptionTests
{
    private const string Secret = "Olena Kovalenko 1988-04-12";

    [Theory]
    [InlineData("Development", "application/json")]
    [InlineData("Development", "text/html")]
    [InlineData("Development", "*/*")]
    [InlineData("Production", "application/json")]
    public async Task Get_EndpointThrows_Answers500ProblemWithoutExceptionDetail(string environment, string accept)
    {
        await using var app = TestApp.Build(environment, new Dictionary<string, string?>(),
            map: app => app.MapGet("/boom", string () => throw new InvalidOperationException($"Lookup failed for {Secret}")));
        await app.StartAsync();
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);

        var response = await client.GetAsync("/boom");

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(500, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), body, StringComparison.Ordinal);
        Assert.DoesNotContain("UnhandledExceptionTests", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.False(problem.RootElement.TryGetProperty("exception", out _), body);
    }
}
