using System.Text.Json;
using System.Text.Json.Nodes;
using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>Every case figure from a known sequence of three cases in the first quarter of 2026, against values computed by hand.</summary>
[Collection(ReportingApiCollection.Name)]
public sealed class CaseFiguresTests(ReportingApiFactory factory)
{
    [Fact]
    public async Task KnownSequence_March_EveryFigureEqualsTheHandComputedValue()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.DeliverAsync(KnownSequence(tenant));

        var report = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases?period=2026-03");

        // At the end of March, A is closed; B (Verl, assessment) and C (Rietberg, intake) are open.
        Assert.Equal(2, Report.Total(report, "openCases"));
        Assert.Equal(new Dictionary<string, long?> { ["Rietberg"] = 1, ["Verl"] = 1 }, Report.Rows(report, "openCases"));
        Assert.Equal(new Dictionary<string, long?> { ["assessment"] = 1, ["intake"] = 1 }, Report.Rows(report, "openByPhase"));
        Assert.Equal(new Dictionary<string, long?> { ["families"] = 1, ["women"] = 1, ["young-adults"] = 1 }, Report.Rows(report, "openByTargetGroup"));
        Assert.Equal(new Dictionary<string, long?> { ["recognised-refugee"] = 1, ["temporary-protection"] = 1 }, Report.Rows(report, "openByResidenceStatus"));
        Assert.Equal(new Dictionary<string, long?> { ["good"] = 1, ["low"] = 1 }, Report.Rows(report, "openByReachability"));
        Assert.Equal(new Dictionary<string, long?> { ["18-26"] = 1, ["45-64"] = 1 }, Report.Rows(report, "openByAgeBand"));
        // Flows of March: C opened; A closed; A's language goal achieved.
        Assert.Equal(new Dictionary<string, long?> { ["Rietberg"] = 1 }, Report.Rows(report, "newCases"));
        Assert.Equal(new Dictionary<string, long?> { ["goals-achieved"] = 1 }, Report.Rows(report, "closuresByReason"));
        Assert.Equal(new Dictionary<string, long?> { ["achieved"] = 1 }, Report.Rows(report, "closuresByOutcome"));
        Assert.Empty(Report.Rows(report, "goalsAgreed"));
        Assert.Equal(new Dictionary<string, long?> { ["language"] = 1 }, Report.Rows(report, "goalsAchieved"));
        // Spans ended in March: B's intake 20 days, A's plan 34 and monitoring 10, A's 74 days to closure.
        Assert.Equal((20.0, 20.0), Report.Days(Report.DaysInPhase(report, "intake")));
        Assert.Equal((null, null), Report.Days(Report.DaysInPhase(report, "assessment")));
        Assert.Equal((34.0, 34.0), Report.Days(Report.DaysInPhase(report, "plan")));
        Assert.Equal((10.0, 10.0), Report.Days(Report.DaysInPhase(report, "monitoring")));
        Assert.Equal((74.0, 74.0), Report.Days(report.GetProperty("daysToClosure")));
        // cm-1 keeps C (A is closed), cm-2 has B: two pseudonymous keys, never the user ids.
        var caseloads = Report.Rows(report, "caseloadByCaseManager");
        Assert.Equal([1L, 1L], caseloads.Values.Select(value => value!.Value).ToArray());
        Assert.DoesNotContain("cm-1", caseloads.Keys);
    }

    [Fact]
    public async Task KnownSequence_YearAndQuarter_SumTheMonthsFlowsAndMedianOverAllSpans()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.DeliverAsync(KnownSequence(tenant));

        foreach (var period in new[] { "2026", "2026-Q1" })
        {
            var report = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases?period=" + period);

            Assert.Equal(new Dictionary<string, long?> { ["Rietberg"] = 2, ["Verl"] = 1 }, Report.Rows(report, "newCases"));
            Assert.Equal(3, Report.Total(report, "newCases"));
            Assert.Equal(new Dictionary<string, long?> { ["language"] = 1, ["work"] = 1 }, Report.Rows(report, "goalsAgreed"));
            Assert.Equal(2, Report.Total(report, "goalsAgreed"));
            // Intake spans: A 10 days, B 20 days.
            Assert.Equal((15.0, 15.0), Report.Days(Report.DaysInPhase(report, "intake")));
            Assert.Equal((20.0, 20.0), Report.Days(Report.DaysInPhase(report, "assessment")));
            Assert.Equal(2, Report.Total(report, "openCases"));
        }

        var february = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases?period=2026-02");
        Assert.Equal(new Dictionary<string, long?> { ["plan"] = 1, ["intake"] = 1 }, Report.Rows(february, "openByPhase"));
        var municipal = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases?period=2026&municipality=Verl");
        Assert.Equal(new Dictionary<string, long?> { ["Verl"] = 1 }, Report.Rows(municipal, "newCases"));
        Assert.Equal(new Dictionary<string, long?> { ["assessment"] = 1 }, Report.Rows(municipal, "openByPhase"));
    }

    [Fact]
    public async Task SameEvents_DeliveredTwiceAndShuffled_GiveTheSameFigures()
    {
        var (inOrder, shuffled) = (TestEnvironment.NewTenant(), TestEnvironment.NewTenant());
        await factory.DeliverAsync(KnownSequence(inOrder));
        var events = KnownSequence(shuffled);
        var twice = events.Concat(events).OrderBy(_ => Random.Shared.Next()).ToArray();

        await factory.DeliverTogetherAsync(twice);

        foreach (var period in new[] { "2026-01", "2026-02", "2026-03", "2026-Q1", "2026" })
        {
            Assert.Equal(
                await NormalisedAsync(inOrder, period),
                await NormalisedAsync(shuffled, period));
        }

        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM pending_events WHERE tenant_id = @p0", shuffled));
    }

    /// <summary>
    /// A: Rietberg, opened 5 Jan by cm-1, assessment 15 Jan, plan 4 Feb with goals language and work, language achieved
    /// 1 Mar, monitoring 10 Mar, closed 20 Mar. B: Verl, opened 10 Feb by cm-2, assessment 2 Mar. C: Rietberg, opened
    /// 3 Mar by cm-1.
    /// </summary>
    internal static IntegrationEvent[] KnownSequence(string tenant)
    {
        var a = new CaseEvents(tenant, "Rietberg", "27-44", "asylum-seeker", ["families"], "medium", "cm-1");
        var b = new CaseEvents(tenant, "Verl", "18-26", "temporary-protection", ["women", "families"], "low", "cm-2");
        var c = new CaseEvents(tenant, "Rietberg", "45-64", "recognised-refugee", ["young-adults"], "good", "cm-1");
        var (language, work) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var openedA = a.Opened(CaseEvents.On(2026, 1, 5));
        var assessmentA = a.MovedTo("assessment", CaseEvents.On(2026, 1, 15));
        var planA = a.MovedTo("plan", CaseEvents.On(2026, 2, 4));
        var goals = new[] { a.GoalAgreed(language, "language"), a.GoalAgreed(work, "work") };
        a.Touched();
        var achieved = a.GoalProgressed(language, "language", "achieved", CaseEvents.On(2026, 3, 1));
        var monitoringA = a.MovedTo("monitoring", CaseEvents.On(2026, 3, 10));
        var closedA = a.MovedTo("closed", CaseEvents.On(2026, 3, 20));
        return
        [
            openedA, assessmentA, planA, .. goals, achieved, monitoringA, closedA, a.Closed("goals-achieved", "achieved"),
            b.Opened(CaseEvents.On(2026, 2, 10)), b.MovedTo("assessment", CaseEvents.On(2026, 3, 2)),
            c.Opened(CaseEvents.On(2026, 3, 3)),
        ];
    }

    /// <summary>The report without what differs between tenants: the tenant key and the (tenant-keyed) case manager pseudonyms.</summary>
    private async Task<string> NormalisedAsync(string tenant, string period)
    {
        var report = JsonNode.Parse((await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases?period=" + period)).GetRawText())!.AsObject();
        report.Remove("tenantId");
        foreach (var row in report["caseloadByCaseManager"]!["rows"]!.AsArray())
        {
            row!["key"] = "";
        }

        return report.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
