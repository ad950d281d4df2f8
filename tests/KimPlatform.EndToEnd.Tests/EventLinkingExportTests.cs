using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;
using static KimPlatform.EndToEnd.Tests.ErasureEverywhereTests;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>
/// The Art. 15 export lists the event registrations made under the case's e-mail address, and asks the event service
/// for them only while the person's consent names <c>event-registrations</c>.
/// </summary>
public sealed class EventLinkingExportTests
{
    [Fact]
    public async Task ExportCase_ConsentToLinkEventRegistrations_ListsRegistrationsUnderTheEmailWithPurposeRecipientsAndDeletionDate()
    {
        var person = await TestPerson.EnterAsync(withEmail: true);
        var theirs = await TestRegistration.RegisterAsync(person.Tenant, "Olena K.", person.Entered["email"], "Sprachcafé", "step-free access");
        await TestRegistration.RegisterAsync(person.Tenant, "Someone Else", $"other.{Guid.NewGuid():N}@example.org", "VHS", "none");
        await GiveLinkingConsentAsync(person);

        var events = EventsPart(await person.ExportAsync());

        Assert.True(events.GetProperty("answered").GetBoolean(), events.ToString());
        var registration = Assert.Single(events.GetProperty("items").EnumerateArray());
        Assert.Equal("event-registration", registration.GetProperty("kind").GetString());
        Assert.Equal(theirs.RegistrationId, registration.GetProperty("id").GetGuid());
        Assert.Equal("ki-guetersloh", registration.GetProperty("holder").GetString());
        Assert.Equal("confirmed", registration.GetProperty("status").GetString());
        Assert.Equal(["name", "email", "organisation", "needs"], Strings(registration, "fields"));
        Assert.Equal(["Veranstaltungsanmeldung"], Strings(registration, "purposes"));
        Assert.Contains("KIM-Koordinierungsstelle des Mandanten", Strings(registration, "recipients"));
        Assert.Equal(["Aufbewahrungsjob des Veranstaltungsdienstes"], Strings(registration, "deletion"));
        // The event service's retention job removes the personal data 90 days after the event ended.
        Assert.Equal(DateOnly.FromDateTime(theirs.EndsAt.AddDays(90).UtcDateTime).ToString("yyyy-MM-dd"), registration.GetProperty("deletedBy").GetString());
    }

    [Fact]
    public async Task ExportCase_WithoutConsentToLink_DoesNotAskTheEventService_AndAsksOnceTheConsentIsGiven()
    {
        await using var tap = await BrokerTap.StartAsync("HeldDataAtEventsRequested");
        var person = await TestPerson.EnterAsync(withEmail: true);
        var email = person.Entered["email"];
        await TestRegistration.RegisterAsync(person.Tenant, "Olena K.", email, "Sprachcafé", "step-free access");
        bool AskedForThisPerson(JsonElement request) => request.GetProperty("email").GetString() == email;

        var withoutConsent = EventsPart(await person.ExportAsync());

        Assert.False(withoutConsent.GetProperty("answered").GetBoolean());
        Assert.StartsWith("Not asked", withoutConsent.GetProperty("problem").GetString(), StringComparison.Ordinal);
        Assert.Empty(withoutConsent.GetProperty("items").EnumerateArray());

        // The same export under the consent does ask; the tap sees that request, and only that one, for this address.
        await GiveLinkingConsentAsync(person);
        var withConsent = EventsPart(await person.ExportAsync());
        Assert.True(withConsent.GetProperty("answered").GetBoolean(), withConsent.ToString());
        Assert.Single(withConsent.GetProperty("items").EnumerateArray());
        var requests = await Eventually.GetAsync(() => Task.FromResult(tap.Messages.Where(AskedForThisPerson).ToList()), seen => seen.Count > 0);
        Assert.Single(requests);
    }

    private static Task<JsonElement> GiveLinkingConsentAsync(TestPerson person) =>
        person.StepAsync("/consents", new
        {
            purpose = "Meine Anmeldungen zu Veranstaltungen mit meinem Fall verknüpfen", recipients = new[] { new { organisationId = "kreis-kim" } },
            dataCategories = new[] { "event-registrations" }, form = "written", language = "de",
        });

    private static JsonElement EventsPart(JsonElement export) =>
        Assert.Single(export.GetProperty("heldElsewhere").EnumerateArray(), service => service.GetProperty("service").GetString() == "events");
}
