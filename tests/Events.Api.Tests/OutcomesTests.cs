using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Contracts;
using KimPlatform.Events.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Events.Api.Tests;

[Collection(EventsApiCollection.Name)]
public sealed class OutcomesTests(EventsApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task RecordResult_PerTable_IsListed_AndPublishedWithoutItsText()
    {
        await using var tap = await BrokerTap.StartAsync(nameof(EventResultsRecorded));
        var coordinator = factory.Coordinator(_tenant);
        var scheduled = await coordinator.ScheduleAsync();
        var table = scheduled.SessionId(0);

        var response = await coordinator.PostAsJsonAsync($"/api/events/{scheduled.Id()}/results", new
        {
            sessionId = table, round = 2, topics = new[] { "Anerkennung", "Praktika" }, text = "Lange Wartezeiten bei der Anerkennung von Abschlüssen.",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var results = await coordinator.GetFromJsonAsync<JsonElement>($"/api/events/{scheduled.Id()}/results");
        var result = Assert.Single(results.EnumerateArray());
        Assert.Equal((table, 2, "Praktika"), (result.GetProperty("sessionId").GetGuid(), result.GetProperty("round").GetInt32(),
            result.GetProperty("topics")[1].GetString()));
        var published = await Eventually.GetAsync(() => Task.FromResult(
            tap.Messages.Where(m => m.GetProperty("networkEventId").GetGuid() == scheduled.Id()).ToList()), m => m.Count == 1);
        Assert.Equal((2, "world-cafe"), (published[0].GetProperty("topicCount").GetInt32(), published[0].GetProperty("format").GetString()));
        Assert.DoesNotContain("Wartezeiten", published[0].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordResult_UnknownSessionOrBadInput_IsRefused_AndNothingIsWritten()
    {
        var coordinator = factory.Coordinator(_tenant);
        var cafe = (await coordinator.ScheduleAsync()).Id();

        var unknown = await coordinator.PostAsJsonAsync($"/api/events/{cafe}/results", new { sessionId = Guid.NewGuid(), topics = new[] { "x" }, text = "x" });
        var bad = await coordinator.PostAsJsonAsync($"/api/events/{cafe}/results", new { round = 0, topics = new[] { "" } });
        var anonymous = await factory.Anonymous().PostAsJsonAsync($"/api/events/{cafe}/results?tenant={_tenant}", new { text = "x" });

        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized),
            (unknown.StatusCode, bad.StatusCode, anonymous.StatusCode));
        Assert.Equal(["round", "text", "topics[0]"],
            (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM events WHERE id = @p0 AND results::text <> '[]'", cafe));
    }

    [Fact]
    public async Task Minutes_ActionsAcrossMeetings_AreListedOpenByDueDate_UntilDone_AndOnlyForTheTenant()
    {
        var coordinator = factory.Coordinator(_tenant);
        var steering = (await coordinator.ScheduleAsync(EventRequests.WorldCafe(isPublic: false, sessions: [], title: "Lenkungsgruppe 1/2030"))).Id();
        var council = (await coordinator.ScheduleAsync(EventRequests.WorldCafe(isPublic: false, sessions: [], title: "Integrationsrat"))).Id();
        var first = await RecordMinutesAsync(coordinator, steering, ("Bericht der Koordinierungsstelle", "Beschluss: Kenntnisnahme",
            [("Zahlen für den Sachbericht liefern", "jobcenter-guetersloh", "2030-05-01"), ("Dolmetscherpool ausbauen", "ki-guetersloh", "2030-04-01")]));
        await RecordMinutesAsync(coordinator, council, ("Kita-Plätze", null, [("Bedarf melden", "stadt-rietberg", "2030-04-15")]));
        var other = factory.Coordinator(TestEnvironment.NewTenant());
        var elsewhere = (await other.ScheduleAsync(EventRequests.WorldCafe(sessions: []))).Id();
        await RecordMinutesAsync(other, elsewhere, ("Elsewhere", null, [("Not ours", "kreis-b", "2030-01-01")]));

        var open = await coordinator.GetFromJsonAsync<JsonElement>("/api/events/actions");
        Assert.Equal(["Dolmetscherpool ausbauen", "Bedarf melden", "Zahlen für den Sachbericht liefern"],
            open.EnumerateArray().Select(a => a.GetProperty("action").GetProperty("description").GetString()));
        Assert.Equal("Beschluss: Kenntnisnahme", first.GetProperty("agendaItems")[0].GetProperty("decision").GetString());

        var done = first.GetProperty("agendaItems")[0].GetProperty("actions")[1].Id();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/events/{steering}/actions/{done}/done", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/events/{steering}/actions/{done}/done", null)).StatusCode);
        var stillOpen = await coordinator.GetFromJsonAsync<JsonElement>("/api/events/actions?status=open");
        var finished = await coordinator.GetFromJsonAsync<JsonElement>("/api/events/actions?status=done");
        Assert.Equal(2, stillOpen.GetArrayLength());
        Assert.Equal(done, Assert.Single(finished.EnumerateArray()).GetProperty("action").Id());
        Assert.Equal("Lenkungsgruppe 1/2030", finished[0].GetProperty("eventTitle").GetString());
    }

    [Fact]
    public async Task Minutes_BadInput_Returns400NamingTheFields()
    {
        var coordinator = factory.Coordinator(_tenant);
        var steering = (await coordinator.ScheduleAsync(EventRequests.WorldCafe(isPublic: false))).Id();

        var response = await coordinator.PostAsJsonAsync($"/api/events/{steering}/minutes", new
        {
            agendaItems = new[] { new { title = "", actions = new[] { new { description = "x", ownerOrganisationId = "Jobcenter GT" } } } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["agendaItems[0].actions[0].dueDate", "agendaItems[0].actions[0].ownerOrganisationId", "agendaItems[0].title"],
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());
    }

    private static async Task<JsonElement> RecordMinutesAsync(
        HttpClient coordinator, Guid meeting, (string Title, string? Decision, (string Description, string Owner, string Due)[] Actions) item)
    {
        var response = await coordinator.PostAsJsonAsync($"/api/events/{meeting}/minutes", new
        {
            agendaItems = new[]
            {
                new
                {
                    title = item.Title, decision = item.Decision,
                    actions = item.Actions.Select(a => new { description = a.Description, ownerOrganisationId = a.Owner, dueDate = a.Due }).ToArray(),
                },
            },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
