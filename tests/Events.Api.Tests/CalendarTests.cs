using System.Net;
using System.Text;
using System.Text.Json;
using KimPlatform.Events.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Events.Api.Tests;

[Collection(EventsApiCollection.Name)]
public sealed class CalendarTests(EventsApiFactory factory)
{
    // Daylight-saving time starts in Germany on Sunday, 31 March 2030, at 02:00.
    private const string LongTitle = "Fachtag Integration: Arbeit, Sprache; Ankommen – Workshops für Ehrenamtliche und Fachkräfte im Kreis Gütersloh";
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task TenantCalendar_ParsesWithIcalJs_AndKeepsBerlinWallClockTimesAcrossTheDaylightSavingChange()
    {
        var coordinator = factory.Coordinator(_tenant);
        var before = (await coordinator.ScheduleAsync(Event(LongTitle, "2030-03-28T10:00:00+01:00", "2030-03-28T16:00:00+01:00"))).Id();
        var after = (await coordinator.ScheduleAsync(Event("Workshop", "2030-04-04T08:00:00Z", "2030-04-04T12:00:00Z"))).Id();
        var across = (await coordinator.ScheduleAsync(Event("Nachtcafé", "2030-03-30T20:00:00+01:00", "2030-03-31T10:00:00+02:00"))).Id();
        await coordinator.ScheduleAsync(Event("Lenkungsgruppe", "2030-03-29T10:00:00+01:00", "2030-03-29T12:00:00+01:00", isPublic: false));
        await factory.Coordinator(TestEnvironment.NewTenant()).ScheduleAsync(Event("Elsewhere", "2030-03-29T10:00:00+01:00", "2030-03-29T12:00:00+01:00"));

        var response = await factory.Anonymous().GetAsync($"/api/events/calendar.ics?tenant={_tenant}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        var parsed = await IcalJs.ParseAsync(ics);
        Assert.Equal("2.0", parsed.GetProperty("version").GetString());
        Assert.Equal(["Europe/Berlin"], parsed.GetProperty("timezones").EnumerateArray().Select(z => z.GetString()));
        var events = parsed.GetProperty("events").EnumerateArray().ToDictionary(e => e.GetProperty("uid").GetString()!);
        Assert.Equal(new[] { before, after, across }.Select(id => $"{id}@kim-platform").Order(), events.Keys.Order());
        Assert.Equal(("2030-03-28T10:00:00", "2030-03-28T09:00:00.000Z"), Times(events[$"{before}@kim-platform"]));
        Assert.Equal(("2030-04-04T10:00:00", "2030-04-04T08:00:00.000Z"), Times(events[$"{after}@kim-platform"]));
        Assert.Equal(("2030-03-30T20:00:00", "2030-03-30T19:00:00.000Z"), Times(events[$"{across}@kim-platform"]));
        Assert.Equal("2030-03-31T08:00:00.000Z", events[$"{across}@kim-platform"].GetProperty("endUtc").GetString());
        Assert.All(events.Values, e => Assert.Equal("Europe/Berlin", e.GetProperty("tzid").GetString()));
        // Escaping and folding: the long title with commas and semicolons comes back exactly; no line exceeds 75 octets.
        Assert.Equal(LongTitle, events[$"{before}@kim-platform"].GetProperty("summary").GetString());
        Assert.All(ics.Split("\r\n"), line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, line));
    }

    [Fact]
    public async Task EventCalendar_PublicEventParses_NonPublicAnonymouslyIs404()
    {
        var coordinator = factory.Coordinator(_tenant);
        var cafe = (await coordinator.ScheduleAsync()).Id();
        var steering = (await coordinator.ScheduleAsync(EventRequests.WorldCafe(isPublic: false))).Id();

        var ics = await factory.Anonymous().GetStringAsync($"/api/events/{cafe}/calendar.ics?tenant={_tenant}");
        var hidden = await factory.Anonymous().GetAsync($"/api/events/{steering}/calendar.ics?tenant={_tenant}");
        var noTenant = await factory.Anonymous().GetAsync("/api/events/calendar.ics");

        var only = Assert.Single((await IcalJs.ParseAsync(ics)).GetProperty("events").EnumerateArray());
        Assert.Equal(("Stadthalle Gütersloh, Friedrichstraße 10", "2030-03-28T10:00:00"),
            (only.GetProperty("location").GetString(), only.GetProperty("startLocal").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (hidden.StatusCode, noTenant.StatusCode));
    }

    private static (string?, string?) Times(JsonElement e) => (e.GetProperty("startLocal").GetString(), e.GetProperty("startUtc").GetString());

    private static object Event(string title, string startsAt, string endsAt, bool isPublic = true) =>
        EventRequests.WorldCafe(isPublic: isPublic, startsAt: startsAt, endsAt: endsAt, sessions: [], title: title);
}
