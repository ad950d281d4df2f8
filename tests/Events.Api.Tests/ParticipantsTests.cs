using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CsvHelper;
using KimPlatform.Contracts;
using KimPlatform.Events.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Events.Api.Tests;

[Collection(EventsApiCollection.Name)]
public sealed class ParticipantsTests(EventsApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task CheckIn_Confirmed_RecordsAttendanceOnce_AndPublishesAttendanceRecorded()
    {
        await using var tap = await BrokerTap.StartAsync(nameof(AttendanceRecorded));
        var coordinator = factory.Coordinator(_tenant);
        var cafe = (await coordinator.ScheduleAsync()).Id();
        var registration = await RegisterAsync(cafe, "amina@example.org");

        var first = await coordinator.PostAsJsonAsync($"/api/events/{cafe}/checkins", new { registrationId = registration });
        var second = await coordinator.PostAsJsonAsync($"/api/events/{cafe}/checkins", new { registrationId = registration });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal((await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checkedInAt").GetString(),
            (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checkedInAt").GetString());
        var recorded = await Eventually.GetAsync(() => Task.FromResult(
            tap.Messages.Where(m => m.GetProperty("networkEventId").GetGuid() == cafe).ToList()), m => m.Count >= 1);
        Assert.Equal(registration, Assert.Single(recorded).GetProperty("registrationId").GetGuid());
        var participant = (await coordinator.ParticipantsAsync(cafe))[0];
        Assert.Equal(JsonValueKind.String, participant.GetProperty("checkedInAt").ValueKind);
    }

    [Fact]
    public async Task CheckIn_WaitlistedUnknownOrWithoutId_IsRefused()
    {
        var coordinator = factory.Coordinator(_tenant);
        var cafe = (await coordinator.ScheduleAsync(EventRequests.WorldCafe(capacity: 1, sessions: []))).Id();
        await RegisterAsync(cafe, "amina@example.org");
        var waiting = await RegisterAsync(cafe, "olena@example.org");

        var waitlisted = await coordinator.PostAsJsonAsync($"/api/events/{cafe}/checkins", new { registrationId = waiting });
        var unknown = await coordinator.PostAsJsonAsync($"/api/events/{cafe}/checkins", new { registrationId = Guid.NewGuid() });
        var withoutId = await coordinator.PostAsJsonAsync($"/api/events/{cafe}/checkins", new { });
        var anonymous = await factory.Anonymous().PostAsJsonAsync($"/api/events/{cafe}/checkins?tenant={_tenant}", new { registrationId = waiting });

        Assert.Equal(
            (HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized),
            (waitlisted.StatusCode, unknown.StatusCode, withoutId.StatusCode, anonymous.StatusCode));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0 AND checked_in_at IS NOT NULL", cafe));
    }

    [Fact]
    public async Task Participants_ListNeedsAndSessions_ForTheCoordinatorOnly()
    {
        var coordinator = factory.Coordinator(_tenant);
        var scheduled = await coordinator.ScheduleAsync();
        await RegisterAsync(scheduled.Id(), "amina@example.org", scheduled.SessionId(1));

        var participant = (await coordinator.ParticipantsAsync(scheduled.Id()))[0];
        var anonymous = await factory.Anonymous().GetAsync($"/api/events/{scheduled.Id()}/registrations?tenant={_tenant}");
        var caseManager = await factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager").GetAsync($"/api/events/{scheduled.Id()}/registrations");

        Assert.Equal(("Amina Haddad", "ar", true), (participant.GetProperty("name").GetString(),
            participant.GetProperty("needs").GetProperty("interpreterLanguage").GetString(), participant.GetProperty("needs").GetProperty("childcare").GetBoolean()));
        Assert.Equal(scheduled.SessionId(1), participant.GetProperty("sessions")[0].GetProperty("sessionId").GetGuid());
        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), (anonymous.StatusCode, caseManager.StatusCode));
    }

    [Fact]
    public async Task Export_Csv_HasOneRowPerParticipantWithNeeds_AndEscapesFormulas()
    {
        var coordinator = factory.Coordinator(_tenant);
        var scheduled = await coordinator.ScheduleAsync();
        await RegisterAsync(scheduled.Id(), "amina@example.org", scheduled.SessionId(0));
        await RegisterAsync(scheduled.Id(), "x@example.org", name: "=HYPERLINK(\"http://evil\")");

        var response = await coordinator.GetAsync($"/api/events/{scheduled.Id()}/registrations.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        using var reader = new CsvReader(new StringReader(await response.Content.ReadAsStringAsync()), CultureInfo.InvariantCulture);
        var rows = reader.GetRecords<dynamic>().Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(("Amina Haddad", "amina@example.org", "ar", "step-free access", "yes", "Tisch 1: Arbeit (confirmed)"),
            ((string)rows[0]["Name"], (string)rows[0]["Email"], (string)rows[0]["InterpreterLanguage"], (string)rows[0]["Accessibility"],
             (string)rows[0]["Childcare"], (string)rows[0]["Sessions"]));
        Assert.StartsWith("'=", (string)rows[1]["Name"], StringComparison.Ordinal);
    }

    private async Task<Guid> RegisterAsync(Guid eventId, string email, Guid? session = null, string name = "Amina Haddad")
    {
        var response = await factory.Anonymous().RegisterAsync(eventId, _tenant,
            EventRequests.Registrant(email, session is { } id ? [id] : null, name));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).Id();
    }
}
