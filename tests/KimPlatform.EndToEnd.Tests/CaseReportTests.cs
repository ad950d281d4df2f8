using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>The walking skeleton: gateway → cases → outbox → RabbitMQ → reporting inbox → report through the gateway.</summary>
public sealed class CaseReportTests
{
    [Fact]
    public async Task OpenCases_AppearInTheTenantsReport_WithSmallCountsSuppressed_AndNoOtherTenantsCases()
    {
        var tenantA = TestEnvironment.NewTenant();
        var tenantB = TestEnvironment.NewTenant();
        await Stack.OpenCasesAsync(Stack.Gateway(tenantA, "stadt-rietberg", "case_manager"), "Rietberg", 5);
        await Stack.OpenCasesAsync(Stack.Gateway(tenantA, "caritas-guetersloh", "case_manager"), "Verl", 2);
        await Stack.OpenCasesAsync(Stack.Gateway(tenantB, "stadt-rietberg", "case_manager"), "Rietberg", 1);
        await Stack.OpenCasesAsync(Stack.Gateway(tenantB, "stadt-rietberg", "case_manager"), "Harsewinkel", 5);

        // Tenant B's events must have been applied before A's report is read, or a leak could not show.
        var factsOfB = await Eventually.GetAsync(
            () => Sql.CountAsync(ReportingDb, "SELECT count(*) FROM case_states WHERE tenant_id = @p0", tenantB), count => count == 6);
        Assert.Equal(6, factsOfB);
        var reportB = await ReadReportAsync(Stack.Gateway(tenantB, "kreis-b", "tenant_admin"));
        // Rietberg (1) is below 5; Harsewinkel (5) would be the total (6) minus Rietberg, so it is hidden too.
        Assert.Equal((-1, true), (Count(reportB, "Rietberg"), reportB["Rietberg"].Suppressed));
        Assert.Equal((-1, true), (Count(reportB, "Harsewinkel"), reportB["Harsewinkel"].Suppressed));

        var coordinatorA = Stack.Gateway(tenantA, "ki-guetersloh", "coordinator");
        await Eventually.GetAsync(
            () => Sql.CountAsync(ReportingDb, "SELECT count(*) FROM case_states WHERE tenant_id = @p0", tenantA), count => count == 7);
        var report = await ReadReportAsync(coordinatorA);

        Assert.Equal(["Rietberg", "Verl"], report.Keys.Order());
        Assert.Equal((-1, true), (Count(report, "Rietberg"), report["Rietberg"].Suppressed));
        Assert.Equal((-1, true), (Count(report, "Verl"), report["Verl"].Suppressed));
    }

    [Fact]
    public async Task ErasedAndClosedCases_LeaveTheOpenCount_AndReportingHoldsNoPersonalData()
    {
        // Five of each, so that no count of the answer is below the threshold: with one erasure among seven cases, the open
        // count (6) would give away the one erasure (new 7 − open 6), and the suppression's audit hides it.
        var tenant = TestEnvironment.NewTenant();
        var caseManager = Stack.Gateway(tenant, "stadt-rietberg", "case_manager");
        var ids = new List<(Guid Id, string ETag)>();
        for (var i = 0; i < 16; i++)
        {
            var response = await caseManager.PostAsJsonAsync("/api/cases", Stack.NewCase("Rietberg"));
            ids.Add(((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(), response.Headers.ETag!.Tag));
        }

        var coordinator = Stack.Gateway(tenant, "ki-guetersloh", "coordinator");
        Assert.Equal(16, Count(await Eventually.GetAsync(() => ReadReportAsync(coordinator), rows => Count(rows, "Rietberg") == 16), "Rietberg"));

        foreach (var (id, etag) in ids[..5])
        {
            using var erase = new HttpRequestMessage(HttpMethod.Delete, $"/api/cases/{id}");
            erase.Headers.TryAddWithoutValidation("If-Match", etag);
            Assert.Equal(HttpStatusCode.NoContent, (await caseManager.SendAsync(erase)).StatusCode);
        }

        Assert.Equal(11, Count(await Eventually.GetAsync(() => ReadReportAsync(coordinator), rows => Count(rows, "Rietberg") == 11), "Rietberg"));

        foreach (var (id, etag) in ids[5..10])
        {
            await CloseAsync(caseManager, id, etag);
        }

        var report = await Eventually.GetAsync(() => ReadReportAsync(coordinator), rows => Count(rows, "Rietberg") == 6);
        Assert.Equal((6, false), (Count(report, "Rietberg"), report["Rietberg"].Suppressed));

        // The erased cases' states are gone; the closed ones stay under their pseudonymous keys, with no real ids.
        Assert.Equal(11, await Sql.CountAsync(ReportingDb, "SELECT count(*) FROM case_states WHERE tenant_id = @p0", tenant));
        Assert.Equal(5, await Sql.CountAsync(ReportingDb, "SELECT count(*) FROM case_states WHERE tenant_id = @p0 AND phase = 'closed'", tenant));
        Assert.Equal(5, await Sql.CountAsync(ReportingDb, "SELECT count(*) FROM erased_keys WHERE tenant_id = @p0", tenant));
        foreach (var text in new[] { "Haidari", "1999-07-01", ids[0].Id.ToString(), ids[5].Id.ToString() })
        {
            Assert.Equal(0, await Sql.CountAsync(ReportingDb,
                "SELECT count(*) FROM case_states s WHERE tenant_id = @p0 AND s::text LIKE '%' || @p1 || '%'", tenant, text));
        }
    }

    [Fact]
    public async Task Report_WithAPeriodThatIsNoWholeMonthQuarterOrYear_Returns400()
    {
        var response = await Stack.Gateway(TestEnvironment.NewTenant(), "ki-guetersloh", "coordinator")
            .GetAsync("/api/reports/cases?period=2026-04-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static string ReportingDb =>
        new Npgsql.NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "reportingdb" }.ConnectionString;

    /// <summary>Takes a case in intake through assessment, plan and monitoring to closed, as the contract requires.</summary>
    private static async Task CloseAsync(HttpClient caseManager, Guid id, string etag)
    {
        var steps = new (string Path, object Body)[]
        {
            ("assessment", new { needs = new[] { new { lifeArea = "work", description = "Job search" } } }),
            ("plan", new { goals = new[] { new { lifeArea = "work", description = "A job", dueDate = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd") } } }),
            ("monitoring", new { }),
            ("close", new { reason = "goals-achieved", outcome = "achieved" }),
        };
        foreach (var (path, body) in steps)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/{path}") { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            var response = await caseManager.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            etag = response.Headers.ETag!.Tag;
        }
    }

    private static int Count(Dictionary<string, (int Count, bool Suppressed)> rows, string municipality) =>
        rows.TryGetValue(municipality, out var row) ? row.Count : 0;

    private static async Task<Dictionary<string, (int Count, bool Suppressed)>> ReadReportAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/reports/cases");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("openCases").GetProperty("rows").EnumerateArray().ToDictionary(
            row => row.GetProperty("key").GetString()!,
            row => (row.GetProperty("value").ValueKind == JsonValueKind.Null ? -1 : row.GetProperty("value").GetInt32(),
                row.GetProperty("suppressed").GetBoolean()));
    }
}
