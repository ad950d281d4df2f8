using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KimPlatform.Reporting.Api.Tests.Support;

internal static class Report
{
    /// <summary>The case report's open cases per municipality; a suppressed count is null.</summary>
    public static async Task<Dictionary<string, int?>> OpenCasesAsync(HttpClient coordinator)
    {
        var response = await coordinator.GetAsync("/api/reports/cases");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("openCasesByMunicipality").EnumerateArray().ToDictionary(
            row => row.GetProperty("municipality").GetString()!,
            row => row.GetProperty("suppressed").GetBoolean() ? null : (int?)row.GetProperty("openCases").GetInt32());
    }
}
