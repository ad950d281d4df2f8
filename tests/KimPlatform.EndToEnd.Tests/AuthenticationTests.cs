using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Gateway_NoToken_Returns401ProblemJson()
    {
        var response = await Stack.Gateway().PostAsJsonAsync("/api/cases", Stack.NewCase("Rietberg"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("cases-api", "POST", "/api/cases")]
    [InlineData("cases-api", "GET", "/api/cases")]
    [InlineData("partners-api", "GET", "/api/partners/referrals")]
    [InlineData("partners-api", "POST", "/api/partners/offers")]
    [InlineData("events-api", "POST", "/api/events")]
    [InlineData("reporting-api", "GET", "/api/reports/cases")]
    public async Task ServiceReachedDirectly_NoToken_Returns401(string service, string method, string path)
    {
        using var client = new HttpClient { BaseAddress = Stack.Service(service) };
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(Stack.NewCase("Rietberg"));
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Gateway_TokenSignedWithAnotherKey_Returns401()
    {
        var client = Stack.Gateway();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", DevTokens.Create(DevTokens.NewKey(), TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager"));

        var response = await client.PostAsJsonAsync("/api/cases", Stack.NewCase("Rietberg"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ServiceReachedDirectly_TokenSignedWithAnotherKey_Returns401()
    {
        using var client = new HttpClient { BaseAddress = TestEnvironment.CasesService };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", DevTokens.Create(DevTokens.NewKey(), TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager"));

        var response = await client.PostAsJsonAsync("/api/cases", Stack.NewCase("Rietberg"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Gateway_OpenCaseAsCoordinator_Returns403()
    {
        var response = await Stack.Gateway(TestEnvironment.NewTenant(), "ki-guetersloh", "coordinator")
            .PostAsJsonAsync("/api/cases", Stack.NewCase("Rietberg"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Gateway_ReportAsCaseManager_Returns403()
    {
        var response = await Stack.Gateway(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager").GetAsync("/api/reports/cases");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
