using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests;

public sealed class GatewayTests
{
    [Fact]
    public async Task OpenCase_TwoMegabyteBody_Returns413ProblemJson()
    {
        var tenant = TestEnvironment.NewTenant();
        var padding = new string('x', 2 * 1024 * 1024);
        var json = $$"""{ "person": { "givenName": "{{padding}}" } }""";

        var response = await Stack.Gateway(tenant, "stadt-rietberg", "case_manager")
            .PostAsync("/api/cases", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await Stack.CountStoredCasesAsync(tenant));
    }

    [Fact]
    public async Task OpenCase_MalformedJson_Returns400ProblemJson()
    {
        var tenant = TestEnvironment.NewTenant();

        var response = await Stack.Gateway(tenant, "stadt-rietberg", "case_manager")
            .PostAsync("/api/cases", new StringContent("{ \"person\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task UnknownRoute_Returns404()
    {
        var response = await Stack.Gateway(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager").GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/ready")]
    [InlineData("/openapi/cases.json")]
    public async Task CorrelationId_IsEchoedOnce_AlsoThroughTheProxy(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Correlation-Id", "walkthrough-42");

        var response = await Stack.Gateway().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("walkthrough-42", response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task CorrelationId_IsCreatedWhenAbsent_OnceForGatewayAndService()
    {
        var response = await Stack.Gateway().GetAsync("/openapi/cases.json");

        var id = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.True(Guid.TryParse(id, out _));
    }

    [Fact]
    public async Task Readiness_ReportsEveryService()
    {
        var response = await Stack.Gateway().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks");
        foreach (var service in new[] { "cases-api", "partners-api", "events-api", "reporting-api" })
        {
            Assert.Equal("Healthy", checks.GetProperty(service).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task ApiReference_ServesDocsAndEachServicesOpenApiDocument_Anonymously()
    {
        var gateway = Stack.Gateway();

        var docs = await gateway.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal("text/html", docs.Content.Headers.ContentType?.MediaType);

        var cases = await gateway.GetFromJsonAsync<JsonElement>("/openapi/cases.json");
        Assert.True(cases.GetProperty("paths").TryGetProperty("/api/cases", out _));
        var reports = await gateway.GetFromJsonAsync<JsonElement>("/openapi/reporting.json");
        Assert.True(reports.GetProperty("paths").TryGetProperty("/api/reports/cases", out _));
    }
}
