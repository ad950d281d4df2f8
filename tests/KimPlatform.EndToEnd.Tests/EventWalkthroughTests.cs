using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Testing;

using KimPlatform.EndToEnd.Tests.Support;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>A World Café through the gateway: scheduled by the coordination, found and booked by the public, run on the day.</summary>
public sealed class EventWalkthroughTests
{
    [Fact]
    public async Task WorldCafe_ScheduledRegisteredWaitlistedCancelledCheckedIn_ThroughTheGateway()
    {
        var tenant = TestEnvironment.NewTenant();
        var coordinator = Stack.Gateway(tenant, "ki-guetersloh", "coordinator");
        var anonymous = Stack.Gateway();
        var scheduled = await coordinator.PostAsJsonAsync("/api/events", new
        {
            title = "World Café: Ankommen in Gütersloh", format = "world-cafe",
            startsAt = "2030-03-28T17:00:00+01:00", endsAt = "2030-03-28T20:00:00+01:00", venue = "Stadthalle Gütersloh",
            capacity = 1, sessions = new[] { new { title = "Tisch 1: Arbeit", capacity = 1 } }, languages = new[] { "de", "uk" }, @public = true,
        });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var cafe = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The public finds it without a token, registers, and the second registrant waits.
        var listed = await anonymous.GetFromJsonAsync<JsonElement>($"/api/events?tenant={tenant}");
        Assert.Equal(cafe, listed.GetProperty("items")[0].GetProperty("id").GetGuid());
        var first = await RegisterAsync(anonymous, tenant, cafe, "olena@example.org");
        var second = await RegisterAsync(anonymous, tenant, cafe, "ahmad@example.org");
        Assert.Equal(("confirmed", "waitlisted"), (first.GetProperty("status").GetString(), second.GetProperty("status").GetString()));

        // The first cancels with her token; the second moves up and is checked in on the day.
        var cancel = await anonymous.PostAsJsonAsync($"/api/events/{cafe}/registrations/{first.GetProperty("id").GetGuid()}/cancel?tenant={tenant}",
            new { cancelToken = first.GetProperty("cancelToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var checkIn = await coordinator.PostAsJsonAsync($"/api/events/{cafe}/checkins", new { registrationId = second.GetProperty("id").GetGuid() });
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);

        // The calendar is public; the participant list is not.
        var calendar = await anonymous.GetAsync($"/api/events/{cafe}/calendar.ics?tenant={tenant}");
        Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        Assert.Contains("DTSTART;TZID=Europe/Berlin:20300328T170000", await calendar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/events/{cafe}/registrations")).StatusCode);
        var csv = await coordinator.GetStringAsync($"/api/events/{cafe}/registrations.csv");
        Assert.Contains("ahmad@example.org", csv, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> RegisterAsync(HttpClient client, string tenant, Guid cafe, string email)
    {
        var response = await client.PostAsJsonAsync($"/api/events/{cafe}/registrations?tenant={tenant}", new
        {
            name = "Test Person", email, participantGroup = "newcomer", needs = new { interpreterLanguage = "uk", childcare = true },
            processingConsent = true,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
