using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Reporting.Api.Tests;

[Collection(ReportingApiCollection.Name)]
public sealed class CaseEventOrderTests(ReportingApiFactory factory)
{
    private const string March = "?period=2026-03";

    [Fact]
    public async Task PhaseChangeOvertakesCaseOpened_IsParkedThenApplied()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = new CaseEvents(tenant);
        var opened = events.Opened(CaseEvents.On(2026, 3, 2));
        var moved = events.MovedTo("assessment", CaseEvents.On(2026, 3, 9));

        await factory.DeliverAsync(moved);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
        Assert.Empty(await Report.OpenCasesAsync(factory.CoordinatorOf(tenant), March));

        await factory.DeliverAsync(opened);

        var report = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases" + March);
        Assert.Equal(new Dictionary<string, long?> { ["assessment"] = 1 }, Report.Rows(report, "openByPhase"));
        Assert.Equal((7.0, 7.0), Report.Days(Report.DaysInPhase(report, "intake")));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task WholeCaseDeliveredBackwards_IsCountedClosedOnce_AndNeverOpen()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = new CaseEvents(tenant);
        var sequence = new Contracts.IntegrationEvent[]
        {
            events.Opened(CaseEvents.On(2026, 3, 2)), events.MovedTo("assessment", CaseEvents.On(2026, 3, 3)),
            events.MovedTo("plan", CaseEvents.On(2026, 3, 4)), events.MovedTo("monitoring", CaseEvents.On(2026, 3, 5)),
            events.MovedTo("closed", CaseEvents.On(2026, 3, 6)), events.Closed(),
        };

        await factory.DeliverAsync(sequence.Reverse().ToArray());

        var report = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases" + March);
        Assert.Empty(Report.Rows(report, "openCases"));
        Assert.Equal(new Dictionary<string, long?> { ["goals-achieved"] = 1 }, Report.Rows(report, "closuresByReason"));
        Assert.Equal(new Dictionary<string, long?> { ["Rietberg"] = 1 }, Report.Rows(report, "newCases"));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task StalePhaseChange_UnderAnotherMessageId_ChangesNothing()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = new CaseEvents(tenant);
        var opened = events.Opened(CaseEvents.On(2026, 3, 2));
        var toAssessment = events.MovedTo("assessment", CaseEvents.On(2026, 3, 3));
        var toPlan = events.MovedTo("plan", CaseEvents.On(2026, 3, 4));

        await factory.DeliverAsync(opened, toAssessment, toPlan, toAssessment with { EventId = Guid.CreateVersion7() });

        var report = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases" + March);
        Assert.Equal(new Dictionary<string, long?> { ["plan"] = 1 }, Report.Rows(report, "openByPhase"));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task PhaseChangesAppliedConcurrently_AreAppliedInTheCasesOrder()
    {
        var tenant = TestEnvironment.NewTenant();
        var cases = Enumerable.Range(0, 5).Select(_ => new CaseEvents(tenant)).ToArray();
        var opened = cases.Select(events => events.Opened(CaseEvents.On(2026, 3, 2))).ToArray();
        await factory.DeliverAsync(opened);

        // The case service's close: four phase changes in quick succession, consumed in parallel.
        await factory.DeliverTogetherAsync(cases.SelectMany(events => new Contracts.IntegrationEvent[]
        {
            events.MovedTo("assessment", CaseEvents.On(2026, 3, 3)), events.MovedTo("plan", CaseEvents.On(2026, 3, 4)),
            events.MovedTo("monitoring", CaseEvents.On(2026, 3, 5)), events.MovedTo("closed", CaseEvents.On(2026, 3, 6)), events.Closed(),
        }).Reverse().ToArray());

        var report = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases" + March);
        Assert.Empty(Report.Rows(report, "openCases"));
        Assert.Equal(5, Report.Total(report, "closuresByReason"));
        Assert.Equal((1.0, 1.0), Report.Days(Report.DaysInPhase(report, "plan")));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task ReopenedCase_IsCountedOpenAgain()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = new CaseEvents(tenant);
        var coordinator = factory.CoordinatorOf(tenant);
        await factory.DeliverAsync(
            events.Opened(CaseEvents.On(2026, 1, 5)), events.MovedTo("assessment", CaseEvents.On(2026, 1, 6)),
            events.MovedTo("plan", CaseEvents.On(2026, 1, 7)), events.MovedTo("monitoring", CaseEvents.On(2026, 1, 8)),
            events.MovedTo("closed", CaseEvents.On(2026, 1, 9)), events.Closed());
        Assert.Empty(await Report.OpenCasesAsync(coordinator, "?period=2026-01"));

        await factory.DeliverAsync(events.MovedTo("monitoring", CaseEvents.On(2026, 2, 3)));

        Assert.Empty(await Report.OpenCasesAsync(coordinator, "?period=2026-01"));
        Assert.Equal(new Dictionary<string, long?> { ["Rietberg"] = 1 }, await Report.OpenCasesAsync(coordinator, "?period=2026-02"));
    }
}
