using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace KimPlatform.Reporting.Api.Tests.Support;

internal static class Report
{
    public static async Task<JsonElement> GetAsync(HttpClient coordinator, string path)
    {
        var response = await coordinator.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A table's rows by key; a suppressed count is null.</summary>
    public static Dictionary<string, long?> Rows(JsonElement report, string table) =>
        report.GetProperty(table).GetProperty("rows").EnumerateArray().ToDictionary(
            row => row.GetProperty("key").GetString()!,
            row => row.GetProperty("suppressed").GetBoolean() ? null : (long?)row.GetProperty("value").GetInt64());

    /// <summary>A table's total; null when suppressed.</summary>
    public static long? Total(JsonElement report, string table)
    {
        var total = report.GetProperty(table).GetProperty("total");
        return total.GetProperty("suppressed").GetBoolean() ? null : total.GetProperty("value").GetInt64();
    }

    /// <summary>The open cases per municipality at the end of the period (the current year when none is given).</summary>
    public static async Task<Dictionary<string, long?>> OpenCasesAsync(HttpClient coordinator, string query = "") =>
        Rows(await GetAsync(coordinator, "/api/reports/cases" + query), "openCases");

    /// <summary>(median, average) of a days figure; nulls when suppressed or empty.</summary>
    public static (double? Median, double? Average) Days(JsonElement figure) =>
        (figure.GetProperty("median").ValueKind == JsonValueKind.Null ? null : figure.GetProperty("median").GetDouble(),
         figure.GetProperty("average").ValueKind == JsonValueKind.Null ? null : figure.GetProperty("average").GetDouble());

    public static JsonElement DaysInPhase(JsonElement report, string phase) =>
        report.GetProperty("daysPerPhase").EnumerateArray().Single(figure => figure.GetProperty("key").GetString() == phase);
}
