using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Contracts;
using KimPlatform.Events.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Events.Api.Tests;

[Collection(EventsApiCollection.Name)]
public sealed class ScheduleEventTests(EventsApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task Schedule_AsCoordinator_Returns201WithBerlinTimes_AndPublishesEventScheduled()
    {
        await using var tap = await BrokerTap.StartAsync(nameof(EventScheduled));

        var response = await factory.Coordinator(_tenant).PostAsJsonAsync("/api/events",
            EventRequests.WorldCafe(startsAt: "2030-07-01T08:00:00Z", endsAt: "2030-07-01T14:00:00Z"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2030-07-01T10:00:00+02:00", body.GetProperty("startsAt").GetString());
        Assert.Equal("world-cafe", body.GetProperty("format").GetString());
        Assert.Equal(2, body.GetProperty("sessions").GetArrayLength());
        Assert.Equal($"/api/events/{body.Id()}", response.Headers.Location?.OriginalString);
        var published = await Eventually.GetAsync(
            () => Task.FromResult(tap.Messages.Where(m => m.GetProperty("networkEventId").GetGuid() == body.Id()).ToList()), m => m.Count == 1);
        var scheduled = Assert.Single(published);
        Assert.Equal((_tenant, "world-cafe", 100, 2), (scheduled.GetProperty("tenantId").GetString(), scheduled.GetProperty("format").GetString(),
            scheduled.GetProperty("capacity").GetInt32(), scheduled.GetProperty("sessionCount").GetInt32()));
    }

    [Fact]
    public async Task Schedule_BadInput_Returns400NamingEveryField_AndStoresNothing()
    {
        var response = await factory.Coordinator(_tenant).PostAsJsonAsync("/api/events", new
        {
            title = " ", format = "world-cafe", startsAt = "2030-03-28T10:00:00", endsAt = "2030-03-28T09:00:00+01:00",
            venue = "Stadthalle", capacity = 0, sessions = new[] { new { title = "Tisch", capacity = 5 } }, languages = new[] { "Deutsch" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["capacity", "languages[0]", "public", "startsAt", "title"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM events WHERE tenant_id = @p0", _tenant));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE tenant_id = @p0", _tenant));
    }

    [Fact]
    public async Task Schedule_UnknownFormat_Returns400NamingTheField()
    {
        var response = await factory.Coordinator(_tenant).PostAsJsonAsync("/api/events", new { title = "x", format = "barcamp" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("$.format", out _));
    }

    [Theory]
    [InlineData("case_manager", HttpStatusCode.Forbidden)]
    [InlineData("partner_staff", HttpStatusCode.Forbidden)]
    public async Task Schedule_WithoutCoordinatorRole_IsRefused(string role, HttpStatusCode expected)
    {
        var response = await factory.ClientFor(_tenant, "caritas-guetersloh", role).PostAsJsonAsync("/api/events", EventRequests.WorldCafe());

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Anonymous().PostAsJsonAsync("/api/events", EventRequests.WorldCafe())).StatusCode);
    }

    [Fact]
    public async Task Get_NonPublicEventAnonymously_Returns404_ButTheCoordinatorSeesIt()
    {
        var steering = await factory.Coordinator(_tenant).ScheduleAsync(EventRequests.WorldCafe(isPublic: false));

        var anonymous = await factory.Anonymous().GetAsync($"/api/events/{steering.Id()}?tenant={_tenant}");
        var caseManager = await factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager").GetAsync($"/api/events/{steering.Id()}");
        var coordinator = await factory.Coordinator(_tenant).GetAsync($"/api/events/{steering.Id()}");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.OK), (anonymous.StatusCode, caseManager.StatusCode, coordinator.StatusCode));
    }

    [Fact]
    public async Task Get_PublicEventAnonymously_NeedsTheRightTenant()
    {
        var cafe = await factory.Coordinator(_tenant).ScheduleAsync();

        var right = await factory.Anonymous().GetAsync($"/api/events/{cafe.Id()}?tenant={_tenant}");
        var other = await factory.Anonymous().GetAsync($"/api/events/{cafe.Id()}?tenant={TestEnvironment.NewTenant()}");
        var none = await factory.Anonymous().GetAsync($"/api/events/{cafe.Id()}");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (right.StatusCode, other.StatusCode, none.StatusCode));
        var body = await right.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(100, body.GetProperty("placesLeft").GetInt32());
        Assert.Contains("verarbeitet", body.GetProperty("consentTexts").GetProperty("de").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Anonymous_ShowsOnlyTheTenantsPublicEvents_CoordinatorSeesAll()
    {
        var coordinator = factory.Coordinator(_tenant);
        var cafe = await coordinator.ScheduleAsync();
        await coordinator.ScheduleAsync(EventRequests.WorldCafe(isPublic: false));
        await factory.Coordinator(TestEnvironment.NewTenant()).ScheduleAsync();

        var anonymous = await factory.Anonymous().GetFromJsonAsync<JsonElement>($"/api/events?tenant={_tenant}");
        var all = await coordinator.GetFromJsonAsync<JsonElement>("/api/events");

        Assert.Equal([cafe.Id()], anonymous.GetProperty("items").EnumerateArray().Select(e => e.Id()));
        Assert.Equal(2, all.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("")]
    [InlineData("?tenant=Kreis%20G")]
    [InlineData("?tenant=x&pageSize=500")]
    public async Task List_AnonymousWithoutValidTenantOrPaging_Returns400(string query)
    {
        var response = await factory.Anonymous().GetAsync($"/api/events{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
