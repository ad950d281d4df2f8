using System.Net;
using System.Net.Http.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>
/// The gateway's route table, route by route against the public contract (/work/shared/design/api.md): a gateway
/// instance in process sends to stand-ins that say which service they are, so a test sees where each request went and
/// whether the gateway let it through without a token.
/// </summary>
public sealed class GatewayRoutingTests(NamedServices services) : IClassFixture<NamedServices>
{
    private readonly InProcessGateway _gateway = services.Gateway;

    [Theory]
    [InlineData("GET", "/api/cases", "cases-api")]
    [InlineData("POST", "/api/cases/duplicate-check", "cases-api")]
    [InlineData("GET", "/api/partners/organisations", "partners-api")]
    [InlineData("POST", "/api/partners/referrals/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11/accept", "partners-api")]
    [InlineData("POST", "/api/events", "events-api")]
    [InlineData("POST", "/api/events/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11/checkins", "events-api")]
    [InlineData("GET", "/api/reports/cases", "reporting-api")]
    [InlineData("GET", "/api/reports/funding-year/2026.csv", "reporting-api")]
    [InlineData("GET", "/reports/dashboard", "reporting-api")]
    public async Task WithToken_EachServicesPaths_ReachThatService_Unchanged(string method, string path, string service)
    {
        var answer = await SendAsync(_gateway.Client(TestEnvironment.NewTenant(), "ki-guetersloh", "coordinator"), method, path);

        Assert.Equal(new NamedAnswer(service, method, path), answer);
    }

    [Theory]
    [InlineData("cases")]
    [InlineData("partners")]
    [InlineData("events")]
    [InlineData("reporting")]
    public async Task OpenApiDocument_Anonymously_ReachesItsServicesV1Document(string document)
    {
        var answer = await SendAsync(_gateway.Client(), "GET", $"/openapi/{document}.json");

        Assert.Equal(new NamedAnswer($"{document}-api", "GET", "/openapi/v1.json"), answer);
    }

    // Every call the contract opens to the public.
    [Theory]
    [InlineData("GET", "/api/partners/offers?tenant=kreis-guetersloh", "partners-api")]
    [InlineData("GET", "/api/partners/offers/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11/published?tenant=kreis-guetersloh", "partners-api")]
    [InlineData("GET", "/api/partners/bodies/open?tenant=kreis-guetersloh", "partners-api")]
    [InlineData("POST", "/api/partners/bodies/signups", "partners-api")]
    [InlineData("GET", "/api/events?tenant=kreis-guetersloh", "events-api")]
    [InlineData("GET", "/api/events/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11", "events-api")]
    [InlineData("POST", "/api/events/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11/registrations", "events-api")]
    [InlineData("POST", "/api/events/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11/registrations/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c12/cancel", "events-api")]
    [InlineData("POST", "/api/events/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11/feedback", "events-api")]
    [InlineData("GET", "/api/events/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11/calendar.ics", "events-api")]
    [InlineData("GET", "/api/events/calendar.ics?tenant=kreis-guetersloh", "events-api")]
    public async Task PublicRouteOfTheContract_WithoutToken_ReachesItsService(string method, string path, string service)
    {
        var answer = await SendAsync(_gateway.Client(), method, path);

        Assert.Equal(new NamedAnswer(service, method, path.Split('?')[0]), answer);
    }

    // A sample of every area's calls that need a token, including neighbours of the public ones.
    [Theory]
    [InlineData("POST", "/api/cases")]
    [InlineData("GET", "/api/cases/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11")]
    [InlineData("POST", "/api/cases/duplicate-check")]
    [InlineData("POST", "/api/partners/offers")]
    [InlineData("PUT", "/api/partners/offers/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11")]
    [InlineData("GET", "/api/partners/organisations")]
    [InlineData("GET", "/api/partners/referrals")]
    [InlineData("GET", "/api/partners/bodies")]
    [InlineData("GET", "/api/partners/bodies/signups")]
    [InlineData("POST", "/api/partners/bodies/signups/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11/accept")]
    [InlineData("POST", "/api/partners/volunteers")]
    [InlineData("POST", "/api/events")]
    [InlineData("POST", "/api/events/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11/checkins")]
    [InlineData("POST", "/api/events/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11/results")]
    [InlineData("POST", "/api/events/0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11/minutes")]
    [InlineData("GET", "/api/reports/cases")]
    [InlineData("GET", "/api/reports/funding-year/2026.csv")]
    [InlineData("GET", "/reports/dashboard")]
    public async Task ProtectedRoute_WithoutToken_Returns401AtTheGateway(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = JsonContent.Create(new { });
        }

        var response = await _gateway.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<NamedAnswer?> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = JsonContent.Create(new { });
        }

        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{method} {path}: {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<NamedAnswer>();
    }
}
