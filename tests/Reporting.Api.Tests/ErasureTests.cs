using System.Text.Json;
using System.Text.Json.Nodes;
using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>Reporting holds no real case, goal or user id, and forgets a case's state when the case is erased; its counts stay.</summary>
[Collection(ReportingApiCollection.Name)]
public sealed class ErasureTests(ReportingApiFactory factory)
{
    private const string EveryRow =
        """
        SELECT count(*) FROM (
          SELECT row_to_json(s)::text AS row FROM case_states s UNION ALL SELECT row_to_json(g)::text FROM goal_states g
          UNION ALL SELECT row_to_json(p)::text FROM pending_events p UNION ALL SELECT row_to_json(c)::text FROM counters c
          UNION ALL SELECT row_to_json(e)::text FROM erased_keys e) AS stored
        WHERE lower(row) LIKE '%' || lower(@p0) || '%'
        """;

    [Fact]
    public async Task CaseEvents_StoredUnderKeyedHashes_NoCaseGoalOrUserIdInAnyTable()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = new CaseEvents(tenant, caseManager: "olena.case-manager@caritas.example");
        var goal = Guid.CreateVersion7();
        var opened = events.Opened(CaseEvents.On(2026, 3, 2));
        var assessment = events.MovedTo("assessment", CaseEvents.On(2026, 3, 3));
        var plan = events.MovedTo("plan", CaseEvents.On(2026, 3, 4));
        // The plan's goal arrives first and waits in pending_events: pseudonymised too.
        await factory.DeliverAsync(events.GoalAgreed(goal, "language"));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
        Assert.Equal(0, await factory.CountAsync(
            "SELECT count(*) FROM pending_events WHERE tenant_id = @p0 AND payload->>'occurredAt' NOT LIKE '2026-03-01T00:00:00%'", tenant));
        await AssertNoIdStoredAsync(events.CaseId, goal);

        await factory.DeliverAsync(opened, assessment, plan);

        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM goal_states WHERE tenant_id = @p0", tenant));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM case_states WHERE tenant_id = @p0", tenant));
        await AssertNoIdStoredAsync(events.CaseId, goal);
    }

    private async Task AssertNoIdStoredAsync(Guid caseId, Guid goal)
    {
        foreach (var id in new[] { caseId.ToString(), caseId.ToString("N"), goal.ToString(), goal.ToString("N"), "olena.case-manager" })
        {
            Assert.Equal(0, await factory.CountAsync(EveryRow, id));
        }
    }

    [Fact]
    public async Task CaseErased_DeletesTheCasesStateAndGoals_KeepsItsCounts()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = new CaseEvents(tenant);
        var opened = events.Opened(CaseEvents.On(2026, 3, 2));
        var assessment = events.MovedTo("assessment", CaseEvents.On(2026, 3, 3));
        var plan = events.MovedTo("plan", CaseEvents.On(2026, 3, 4));
        var goal = events.GoalAgreed(Guid.CreateVersion7(), "work");
        // Erasure of an open case: closed with reason erased, then erased, all in one change.
        var closing = events.MovedTo("closed", CaseEvents.On(2026, 3, 9));
        var closed = events.Closed("erased", "not-achieved");
        var erased = events.Erased(CaseEvents.On(2026, 3, 9)) with { Version = closing.Version };

        await factory.DeliverAsync(opened, assessment, plan, goal, erased, closed, closing);

        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM case_states WHERE tenant_id = @p0", tenant));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM goal_states WHERE tenant_id = @p0", tenant));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM erased_keys WHERE tenant_id = @p0", tenant));
        var report = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases?period=2026-03");
        Assert.Equal(new Dictionary<string, long?> { ["erased"] = 1 }, Report.Rows(report, "closuresByReason"));
        Assert.Equal(new Dictionary<string, long?> { ["work"] = 1 }, Report.Rows(report, "goalsAgreed"));
        Assert.Empty(Report.Rows(report, "openCases"));
    }

    [Fact]
    public async Task CaseErased_LateEventsOfTheCase_AreDroppedAndChangeNoCount()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = new CaseEvents(tenant);
        var goalId = Guid.CreateVersion7();
        var opened = events.Opened(CaseEvents.On(2026, 3, 2));
        var assessment = events.MovedTo("assessment", CaseEvents.On(2026, 3, 3));
        var plan = events.MovedTo("plan", CaseEvents.On(2026, 3, 4));
        var goal = events.GoalAgreed(goalId, "work");
        var monitoring = events.MovedTo("monitoring", CaseEvents.On(2026, 3, 5));
        // Sent before the erasure but delivered after it: a goal's progress and a new case manager.
        var achieved = events.GoalProgressed(goalId, "work", "achieved", CaseEvents.On(2026, 3, 6));
        var assigned = events.Assigned("cm-late", CaseEvents.On(2026, 3, 7));
        var closing = events.MovedTo("closed", CaseEvents.On(2026, 3, 9));
        var closed = events.Closed("erased", "not-achieved");
        var erased = events.Erased(CaseEvents.On(2026, 3, 9)) with { Version = closing.Version };
        await factory.DeliverAsync(opened, assessment, plan, goal, monitoring, closing, closed, erased);
        var before = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases?period=2026-03");

        // The late ones, and copies of the opening and a phase change as a replay would send them.
        await factory.DeliverAsync(achieved, assigned, opened with { EventId = Guid.CreateVersion7() }, assessment with { EventId = Guid.CreateVersion7() });

        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM case_states WHERE tenant_id = @p0", tenant));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM goal_states WHERE tenant_id = @p0", tenant));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM pending_events WHERE tenant_id = @p0", tenant));
        var after = await Report.GetAsync(factory.CoordinatorOf(tenant), "/api/reports/cases?period=2026-03");
        Assert.Equal(before.GetRawText(), after.GetRawText());
        Assert.Equal(new Dictionary<string, long?> { ["erased"] = 1 }, Report.Rows(after, "closuresByReason"));
        Assert.Empty(Report.Rows(after, "goalsAchieved"));
    }

    [Fact]
    public async Task CaseErased_NamingItsGoals_GoalEventsDeliveredAfterIt_FiguresEqualTheLiveOrder()
    {
        var live = TestEnvironment.NewTenant();
        var replayed = TestEnvironment.NewTenant();
        // Live, in the order the case service raised them; replayed, with every goal event behind the erasure, as a
        // rebuild's queues may deliver them.
        await factory.DeliverAsync(ErasedCaseWithGoals(live));
        var replay = ErasedCaseWithGoals(replayed);
        await factory.DeliverAsync(
            [.. replay.Where(e => e is not (GoalAgreed or GoalProgressed or CaseErased)), .. replay.OfType<CaseErased>(), .. replay.OfType<GoalAgreed>(), .. replay.OfType<GoalProgressed>()]);

        foreach (var period in new[] { "2026", "2026-03", "2026-04" })
        {
            var expected = await Report.GetAsync(factory.CoordinatorOf(live), $"/api/reports/cases?period={period}");
            var actual = await Report.GetAsync(factory.CoordinatorOf(replayed), $"/api/reports/cases?period={period}");
            Assert.Equal(Comparable(expected), Comparable(actual));
        }

        var year = await Report.GetAsync(factory.CoordinatorOf(replayed), "/api/reports/cases?period=2026");
        Assert.Equal(new Dictionary<string, long?> { ["language"] = 1, ["work"] = 1 }, Report.Rows(year, "goalsAgreed"));
        Assert.Equal(new Dictionary<string, long?> { ["work"] = 1 }, Report.Rows(year, "goalsAchieved"));
        foreach (var table in new[] { "case_states", "goal_states", "pending_events" })
        {
            Assert.Equal(0, await factory.CountAsync($"SELECT count(*) FROM {table} WHERE tenant_id = @p0", replayed));
        }
    }

    /// <summary>The report without what differs per tenant by design: its key and the case managers' keyed hashes.</summary>
    private static string Comparable(JsonElement report)
    {
        var node = JsonNode.Parse(report.GetRawText())!.AsObject();
        node.Remove("tenantId");
        node.Remove("caseloadByCaseManager");
        return node.ToJsonString();
    }

    /// <summary>
    /// A case with two goals, one achieved in April, the other achieved in March and open again in April, closed and erased:
    /// its events in the order they were raised, the erasure naming the goals as they were left.
    /// </summary>
    private static IntegrationEvent[] ErasedCaseWithGoals(string tenant)
    {
        var events = new CaseEvents(tenant);
        var (work, language) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var opened = events.Opened(CaseEvents.On(2026, 3, 2));
        var assessment = events.MovedTo("assessment", CaseEvents.On(2026, 3, 3));
        var plan = events.MovedTo("plan", CaseEvents.On(2026, 3, 4));
        var agreedWork = events.GoalAgreed(work, "work");
        var agreedLanguage = events.GoalAgreed(language, "language");
        var monitoring = events.MovedTo("monitoring", CaseEvents.On(2026, 3, 5));
        var languageAchieved = events.GoalProgressed(language, "language", "achieved", CaseEvents.On(2026, 3, 6));
        var workAchieved = events.GoalProgressed(work, "work", "achieved", CaseEvents.On(2026, 4, 6));
        var languageOpen = events.GoalProgressed(language, "language", "open", CaseEvents.On(2026, 4, 7));
        var closing = events.MovedTo("closed", CaseEvents.On(2026, 4, 9));
        var closed = events.Closed("goals-achieved", "partially-achieved");
        var erased = events.Erased(CaseEvents.On(2026, 4, 20)) with
        {
            Goals = [new ErasedGoal(work, "achieved", CaseEvents.On(2026, 4, 6)), new ErasedGoal(language, "open", CaseEvents.On(2026, 4, 7))],
        };
        return [opened, assessment, plan, agreedWork, agreedLanguage, monitoring, languageAchieved, workAchieved, languageOpen, closing, closed, erased];
    }
}
