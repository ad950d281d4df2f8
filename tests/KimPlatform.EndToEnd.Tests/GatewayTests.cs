using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
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
        // The id the gateway creates is visible only on its own request activity, so this runs a gateway instance in
        // process, in front of the running stack's services, and listens to its activities.
        using var gatewayActivities = new CorrelationIdRecorder();
        using var gateway = new InProcessGateway(InProcessGateway.StackServices());
        var client = gateway.Client(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager");

        // Malformed JSON: the cases service (not the gateway) answers with a problem that names its correlation id.
        var response = await client.PostAsync("/api/cases", new StringContent("{ \"person\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var echoed = response.Headers.GetValues("X-Correlation-Id").Single();
        Assert.True(Guid.TryParse(echoed, out _));
        var seenByService = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("correlationId").GetString();
        Assert.Equal(echoed, seenByService);
        // The server's activity stops after the client has the response, so its tag may arrive a moment later.
        Assert.Contains(echoed, await Eventually.GetAsync(() => Task.FromResult(gatewayActivities.Ids), ids => ids.Contains(echoed)));
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

    /// <summary>The correlation ids the ASP.NET Core request activities of this process were tagged with.</summary>
    private sealed class CorrelationIdRecorder : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<string> _ids = new();

        public CorrelationIdRecorder()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.GetTagItem("kim.correlation_id") is string id)
                    {
                        _ids.Enqueue(id);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public IReadOnlyCollection<string> Ids => _ids.ToArray();

        public void Dispose() => _listener.Dispose();
    }
}
