using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Reporting.Api.Tests;

[Collection(ReportingApiCollection.Name)]
public sealed class SuppressionTests(ReportingApiFactory factory)
{
    [Fact]
    public async Task TenantThresholdOverride_SuppressesCountsBelowIt_WhileOtherTenantsKeepTheDefault()
    {
        var strict = factory.TenantWithThresholdThree;
        var other = TestEnvironment.NewTenant();
        await factory.DeliverAsync(OpenedCases(strict, "Rietberg", 2).Concat(OpenedCases(strict, "Verl", 3)).Concat(OpenedCases(other, "Rietberg", 2)).ToArray());

        var strictReport = await factory.CoordinatorOf(strict).GetFromJsonAsync<JsonElement>("/api/reports/cases?period=2026-03");
        Assert.Equal(3, strictReport.GetProperty("suppressionThreshold").GetInt32());
        // Rietberg (2) is below 3; Verl (3) would be the total minus Rietberg, so it goes too.
        Assert.Equal(new Dictionary<string, long?> { ["Rietberg"] = null, ["Verl"] = null }, Report.Rows(strictReport, "openCases"));
        Assert.Equal(5, Report.Total(strictReport, "openCases"));
        Assert.Equal(new Dictionary<string, long?> { ["Rietberg"] = 2 }, await Report.OpenCasesAsync(factory.CoordinatorOf(other), "?period=2026-03"));
    }

    [Fact]
    public async Task CraftedCounts_PrimaryAndSecondary_HideTheSmallCellAndTheNextSmallest_AlsoUnderAFilter()
    {
        var five = factory.TenantsWithThresholdFive[0];
        await factory.DeliverAsync(
            OpenedCases(five, "Gütersloh", 7).Concat(OpenedCases(five, "Rietberg", 6)).Concat(OpenedCases(five, "Verl", 3)).ToArray());
        var coordinator = factory.CoordinatorOf(five);

        var report = await Report.GetAsync(coordinator, "/api/reports/cases?period=2026-03");

        Assert.Equal(5, report.GetProperty("suppressionThreshold").GetInt32());
        Assert.Equal(new Dictionary<string, long?> { ["Gütersloh"] = 7, ["Rietberg"] = null, ["Verl"] = null }, Report.Rows(report, "openCases"));
        Assert.Equal(16, Report.Total(report, "openCases"));
        var verl = report.GetProperty("openCases").GetProperty("rows").EnumerateArray().Single(row => row.GetProperty("key").GetString() == "Verl");
        Assert.Equal(JsonValueKind.Null, verl.GetProperty("value").ValueKind);
        Assert.True(verl.GetProperty("suppressed").GetBoolean());
        // Filtered to Rietberg, its total is the same hidden cell: the filter does not reveal it.
        var rietberg = await Report.GetAsync(coordinator, "/api/reports/cases?period=2026-03&municipality=Rietberg");
        Assert.Null(Report.Total(rietberg, "openCases"));
        Assert.Null(Report.Total(rietberg, "openByPhase"));
    }

    [Fact]
    public async Task NewCases_AcrossEveryPeriodOfTheYearAndEveryFilter_NoSuppressedCountCanBeRecomputed()
    {
        var tenant = factory.TenantsWithThresholdFive[1];
        var perMonth = new (string Municipality, int Month, int Count)[]
        {
            ("Gütersloh", 1, 7), ("Gütersloh", 2, 6), ("Gütersloh", 3, 8), ("Gütersloh", 5, 9),
            ("Rietberg", 1, 3), ("Rietberg", 2, 5), ("Rietberg", 3, 9), ("Rietberg", 7, 2),
            ("Verl", 1, 6), ("Verl", 2, 1), ("Verl", 4, 12), ("Rheda-Wiedenbrück", 11, 4),
        };
        await factory.DeliverTogetherAsync(perMonth.SelectMany(cell =>
            Enumerable.Range(0, cell.Count).Select(_ => (IntegrationEvent)new CaseEvents(tenant, cell.Municipality).Opened(CaseEvents.On(2025, cell.Month, 14)))).ToArray());
        var coordinator = factory.CoordinatorOf(tenant);
        var audit = new RecoveryAudit();

        foreach (var period in RecoveryAudit.PeriodsOf(2025))
        {
            foreach (var municipality in new string?[] { null, "Gütersloh", "Rietberg", "Verl", "Rheda-Wiedenbrück" })
            {
                var query = $"/api/reports/cases?period={period}" + (municipality is null ? "" : "&municipality=" + Uri.EscapeDataString(municipality));
                var report = await Report.GetAsync(coordinator, query);
                audit.Saw(municipality ?? RecoveryAudit.All, RecoveryAudit.SlotOf(period), Report.Total(report, "newCases"));
                foreach (var (key, value) in Report.Rows(report, "newCases"))
                {
                    audit.Saw(key, RecoveryAudit.SlotOf(period), value);
                }
            }
        }

        Assert.Contains(("Rietberg", 0), audit.Suppressed);
        Assert.Contains(("Verl", 1), audit.Suppressed);
        Assert.Empty(audit.Recovered());
    }

    private static IEnumerable<IntegrationEvent> OpenedCases(string tenant, string municipality, int count) =>
        Enumerable.Range(0, count).Select(_ => new CaseEvents(tenant, municipality).Opened(CaseEvents.On(2026, 3, 5)));
}
