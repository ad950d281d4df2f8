using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.Reporting.Api.Tests;

[Collection(ReportingApiCollection.Name)]
public sealed class CaseEventOrderTests(ReportingApiFactory factory)
{
    [Fact]
    public async Task PhaseChangeOvertakesCaseOpened_KeepsTheNewerPhase_AndTheCaseIsCountedOnceOpened()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = new CaseEvents(tenant);

        await factory.DeliverAsync(events.PhaseChanged(2, "intake", "assessment"));
        Assert.Empty(await Report.OpenCasesAsync(factory.CoordinatorOf(tenant)));
        await factory.DeliverAsync(events.Opened());

        Assert.Equal(("assessment", 2L, "Rietberg"), await FactAsync(events.CaseId));
        Assert.Equal(new Dictionary<string, int?> { ["Rietberg"] = 1 }, await Report.OpenCasesAsync(factory.CoordinatorOf(tenant)));
    }

    [Fact]
    public async Task ClosingPhaseChangeOvertakesCaseOpened_TheCaseIsNeverCountedOpen()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = new CaseEvents(tenant);

        await factory.DeliverAsync(events.PhaseChanged(5, "monitoring", "closed"), events.Opened());

        Assert.Equal(("closed", 5L, "Rietberg"), await FactAsync(events.CaseId));
        Assert.Empty(await Report.OpenCasesAsync(factory.CoordinatorOf(tenant)));
    }

    [Fact]
    public async Task StalePhaseChange_ArrivingAfterANewerOne_ChangesNothing()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = new CaseEvents(tenant);

        await factory.DeliverAsync(events.Opened(), events.PhaseChanged(3, "assessment", "plan"), events.PhaseChanged(2, "intake", "assessment"));

        Assert.Equal(("plan", 3L, "Rietberg"), await FactAsync(events.CaseId));
    }

    [Fact]
    public async Task PhaseChangesAppliedConcurrently_TheHighestVersionWins()
    {
        var tenant = TestEnvironment.NewTenant();
        var cases = Enumerable.Range(0, 5).Select(_ => new CaseEvents(tenant)).ToArray();
        await factory.DeliverAsync(cases.Select(events => events.Opened()).ToArray());

        // The case service's close: four phase changes in quick succession, consumed in parallel.
        await factory.DeliverTogetherAsync(cases.SelectMany(events => new[]
        {
            events.PhaseChanged(2, "intake", "assessment"), events.PhaseChanged(3, "assessment", "plan"),
            events.PhaseChanged(4, "plan", "monitoring"), events.PhaseChanged(5, "monitoring", "closed"),
        }).ToArray());

        foreach (var events in cases)
        {
            Assert.Equal(("closed", 5L, "Rietberg"), await FactAsync(events.CaseId));
        }

        Assert.Empty(await Report.OpenCasesAsync(factory.CoordinatorOf(tenant)));
    }

    [Fact]
    public async Task ReopenedCase_IsCountedAgain()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = new CaseEvents(tenant);
        var coordinator = factory.CoordinatorOf(tenant);

        await factory.DeliverAsync(events.Opened(), events.PhaseChanged(2, "monitoring", "closed"));
        Assert.Empty(await Report.OpenCasesAsync(coordinator));

        await factory.DeliverAsync(events.PhaseChanged(3, "closed", "monitoring"));
        Assert.Equal(("monitoring", 3L, "Rietberg"), await FactAsync(events.CaseId));
        Assert.Equal(new Dictionary<string, int?> { ["Rietberg"] = 1 }, await Report.OpenCasesAsync(coordinator));
    }

    private async Task<(string Phase, long Version, string Municipality)> FactAsync(Guid caseId)
    {
        await using var connection = new NpgsqlConnection(factory.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT phase, version, municipality FROM case_facts WHERE case_id = @id", connection);
        command.Parameters.AddWithValue("id", caseId);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"No fact for case {caseId}.");
        return (reader.GetString(0), reader.GetInt64(1), reader.GetString(2));
    }
}
