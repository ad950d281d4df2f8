using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>
/// Data past its retention period is gone from every table of every service's database, outboxes and inboxes
/// included, once the service's retention job has run. The test stack runs the jobs every few seconds
/// (launcher/stack.sh); each test moves its record's dates back past the period, as time would, and waits for the
/// next pass of the real job in the running service.
/// </summary>
public sealed class RetentionEverywhereTests
{
    private static readonly TimeSpan NextPasses = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PartnerRetentionJob_ReferralAnsweredSevenMonthsAgo_LeavesTheValuesOnlyWithTheCase()
    {
        var person = await TestPerson.EnterAsync(withEmail: true);
        var entered = person.Entered.Values;
        Assert.Contains(await EveryDatabase.FindAsync(entered), hit => hit.StartsWith("partnersdb.", StringComparison.Ordinal));

        await EveryDatabase.ExecuteAsync("partnersdb",
            "UPDATE referrals SET answered_at = answered_at - interval '7 months', completed_at = completed_at - interval '7 months' WHERE id = @p0",
            person.ReferralId);

        var left = await Eventually.GetAsync(() => EveryDatabase.FindAsync(entered), hits => hits.All(InCasesDb), NextPasses);
        Assert.True(left.All(InCasesDb), "After the partner's retention job these tables still hold values entered about the person:\n  "
            + string.Join("\n  ", left.Where(hit => !InCasesDb(hit))));
        // The case keeps its own record until its own period ends: the job removed the partner's copy only.
        Assert.Contains(left, hit => hit == $"casesdb.cases: {person.Entered["givenName"]}");
    }

    [Fact]
    public async Task CaseRetentionJob_CaseClosedLongerThanTheRetentionPeriod_LeavesNoEnteredValueInAnyDatabase()
    {
        var person = await TestPerson.EnterAsync(withEmail: true);
        await person.CloseAsync();
        var entered = person.Entered.Values;
        Assert.Contains(await EveryDatabase.FindAsync(entered), hit => hit.StartsWith("partnersdb.", StringComparison.Ordinal));

        // The tenant keeps the default period, 36 months after closing.
        await EveryDatabase.ExecuteAsync("casesdb", "UPDATE cases SET closed_at = closed_at - interval '37 months' WHERE id = @p0", person.CaseId);

        // The job anonymises the case; its CaseErased reaches the partner and the reporting service.
        var left = await Eventually.GetAsync(() => EveryDatabase.FindAsync(entered), hits => hits.Count == 0, NextPasses);
        Assert.True(left.Count == 0, "After the case retention job these tables still hold values entered about the person:\n  " + string.Join("\n  ", left));
        var audit = await person.CaseManager.GetStringAsync($"/api/cases/{person.CaseId}/audit");
        Assert.Contains("system:retention", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistrationRetentionJob_EventEndedMoreThan90DaysAgo_LeavesNoRegistrationValueInAnyDatabase()
    {
        var tenant = TestEnvironment.NewTenant();
        var marker = Guid.NewGuid().ToString("N")[..12];
        string[] entered = [$"Name{marker}", $"person.{marker}@example.org", $"Org{marker}", $"Access{marker}"];
        var registration = await TestRegistration.RegisterAsync(tenant, entered[0], entered[1], entered[2], entered[3]);
        Assert.Equal(entered.Order(), (await EveryDatabase.FindAsync(entered)).Where(hit => hit.StartsWith("eventsdb.registrations:", StringComparison.Ordinal))
            .Select(hit => hit[(hit.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Order());

        await EveryDatabase.ExecuteAsync("eventsdb",
            "UPDATE events SET starts_at = starts_at - interval '200 days', ends_at = ends_at - interval '200 days' WHERE id = @p0", registration.EventId);

        var left = await Eventually.GetAsync(() => EveryDatabase.FindAsync(entered), hits => hits.Count == 0, NextPasses);
        Assert.True(left.Count == 0, "After the event retention job these tables still hold values of the registration:\n  " + string.Join("\n  ", left));
    }

    private static bool InCasesDb(string hit) => hit.StartsWith("casesdb.", StringComparison.Ordinal);
}
