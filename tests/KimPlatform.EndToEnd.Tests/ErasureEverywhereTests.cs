using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>
/// Erasing a case (Art. 17) removes what was entered about the person from every table of every service's database,
/// outboxes and inboxes included, not only from the case service.
/// </summary>
public sealed class ErasureEverywhereTests
{
    [Fact]
    public async Task EraseCase_AfterReferralAnsweredByPartner_LeavesNoEnteredValueInAnyDatabase()
    {
        var person = await TestPerson.EnterAsync(withEmail: true);
        var entered = person.Entered;

        // The search can find what it looks for: before erasure the values are in the case and at the partner.
        var before = await EveryDatabase.FindAsync(entered.Values);
        Assert.Contains(before, hit => hit.StartsWith("casesdb.cases:", StringComparison.Ordinal) && hit.EndsWith(entered["need"], StringComparison.Ordinal));
        Assert.Contains(before, hit => hit.StartsWith("casesdb.cases:", StringComparison.Ordinal) && hit.EndsWith(entered["email"], StringComparison.Ordinal));
        Assert.Contains(before, hit => hit.StartsWith("partnersdb.referrals:", StringComparison.Ordinal) && hit.EndsWith(entered["givenName"], StringComparison.Ordinal));
        Assert.Contains(before, hit => hit.StartsWith("partnersdb.referrals:", StringComparison.Ordinal) && hit.EndsWith(entered["partnerOutcome"], StringComparison.Ordinal));

        await person.EraseAsync();

        // Erasure reaches the partner through CaseErased; poll until every database is clean, then say what is left.
        var left = await Eventually.GetAsync(() => EveryDatabase.FindAsync(entered.Values), hits => hits.Count == 0, TimeSpan.FromSeconds(30));
        Assert.True(left.Count == 0, "After erasure these tables still hold values entered about the person:\n  " + string.Join("\n  ", left));
    }

    [Fact]
    public async Task ExportCase_ReferralCompletedAtPartner_ListsWhatThePartnerHoldsWithPurposeRecipientsAndDeletionDate()
    {
        var person = await TestPerson.EnterAsync();

        var export = await person.ExportAsync();

        var elsewhere = export.GetProperty("heldElsewhere").EnumerateArray().ToList();
        var partners = Assert.Single(elsewhere, service => service.GetProperty("service").GetString() == "partners");
        Assert.True(partners.GetProperty("answered").GetBoolean(), partners.ToString());
        var referral = Assert.Single(partners.GetProperty("items").EnumerateArray(), item => item.GetProperty("kind").GetString() == "referral");
        Assert.Equal(person.ReferralId, referral.GetProperty("id").GetGuid());
        Assert.Equal(person.Partner, referral.GetProperty("holder").GetString());
        Assert.Equal("completed", referral.GetProperty("status").GetString());
        Assert.Contains("person", Strings(referral, "fields"));
        Assert.Contains("outcome", Strings(referral, "fields"));
        Assert.Contains("Vermittlung", Strings(referral, "purposes"));
        Assert.Contains("Beschäftigte der speichernden Organisation", Strings(referral, "recipients"));
        Assert.Contains("Löschung des Falls auf Antrag (Art. 17 DSGVO)", Strings(referral, "deletion"));
        // Completed today: the partner's retention job removes the shared data six months on.
        var deletedBy = DateOnly.Parse(referral.GetProperty("deletedBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(deletedBy.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).DayNumber, -1, 1);

        var events = Assert.Single(elsewhere, service => service.GetProperty("service").GetString() == "events");
        Assert.False(events.GetProperty("answered").GetBoolean());
        Assert.False(string.IsNullOrEmpty(events.GetProperty("problem").GetString()));
    }

    internal static List<string?> Strings(JsonElement item, string property) =>
        item.GetProperty(property).EnumerateArray().Select(value => value.GetString()).ToList();
}
