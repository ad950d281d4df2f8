using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Contracts;
using KimPlatform.Events.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Events.Api.Tests;

[Collection(EventsApiCollection.Name)]
public sealed class RegistrationRuleTests(EventsApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Theory]
    [InlineData("2020-01-01T00:00:00Z", "2020-02-01T00:00:00Z")]
    [InlineData("2029-12-01T00:00:00Z", "2030-01-01T00:00:00Z")]
    public async Task Register_OutsideTheWindow_Returns422_AndStoresNothing(string opensAt, string closesAt)
    {
        var cafe = (await factory.Coordinator(_tenant).ScheduleAsync(EventRequests.WorldCafe(opensAt: opensAt, closesAt: closesAt))).Id();

        var response = await factory.Anonymous().RegisterAsync(cafe, _tenant, EventRequests.Registrant("amina@example.org"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0", cafe));
    }

    [Fact]
    public async Task Register_InsideTheWindow_Returns201()
    {
        var cafe = (await factory.Coordinator(_tenant).ScheduleAsync(
            EventRequests.WorldCafe(opensAt: "2020-01-01T00:00:00Z", closesAt: "2030-01-01T00:00:00Z"))).Id();

        var response = await factory.Anonymous().RegisterAsync(cafe, _tenant, EventRequests.Registrant("amina@example.org"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Register_SameEmailTwiceInAnyCase_Returns409_AndAfterCancellingAgain201()
    {
        var cafe = (await factory.Coordinator(_tenant).ScheduleAsync()).Id();
        var first = await (await factory.Anonymous().RegisterAsync(cafe, _tenant, EventRequests.Registrant("Amina.Haddad@Example.org")))
            .Content.ReadFromJsonAsync<JsonElement>();

        var again = await factory.Anonymous().RegisterAsync(cafe, _tenant, EventRequests.Registrant("amina.haddad@example.ORG "));
        await factory.Anonymous().CancelAsync(cafe, _tenant, first.Id(), first.GetProperty("cancelToken").GetString());
        var afterCancelling = await factory.Anonymous().RegisterAsync(cafe, _tenant, EventRequests.Registrant("amina.haddad@example.org"));

        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Created), (again.StatusCode, afterCancelling.StatusCode));
    }

    [Fact]
    public async Task Cancel_WithAWrongToken_Returns404_AndKeepsThePlace()
    {
        var cafe = (await factory.Coordinator(_tenant).ScheduleAsync()).Id();
        var registered = await (await factory.Anonymous().RegisterAsync(cafe, _tenant, EventRequests.Registrant("amina@example.org")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var token = registered.GetProperty("cancelToken").GetString()!;

        var wrong = await factory.Anonymous().CancelAsync(cafe, _tenant, registered.Id(), token[..^1] + (token[^1] == 'A' ? 'B' : 'A'));
        var otherTenant = await factory.Anonymous().CancelAsync(cafe, TestEnvironment.NewTenant(), registered.Id(), token);
        var missing = await factory.Anonymous().CancelAsync(cafe, _tenant, registered.Id(), null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.BadRequest), (wrong.StatusCode, otherTenant.StatusCode, missing.StatusCode));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM registrations WHERE id = @p0 AND status = 'confirmed'", registered.Id()));
        var right = await factory.Anonymous().CancelAsync(cafe, _tenant, registered.Id(), token);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Anonymous().CancelAsync(cafe, _tenant, registered.Id(), token)).StatusCode);
    }

    [Fact]
    public async Task Register_ForANonPublicEventAnonymously_Returns404_ButACoordinatorMayRegister()
    {
        var coordinator = factory.Coordinator(_tenant);
        var steering = (await coordinator.ScheduleAsync(EventRequests.WorldCafe(isPublic: false))).Id();

        var anonymous = await factory.Anonymous().RegisterAsync(steering, _tenant, EventRequests.Registrant("amina@example.org"));
        var caseManager = await factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager")
            .RegisterAsync(steering, _tenant, EventRequests.Registrant("amina@example.org"));
        var byCoordinator = await coordinator.RegisterAsync(steering, _tenant, EventRequests.Registrant("amina@example.org"));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.Created),
            (anonymous.StatusCode, caseManager.StatusCode, byCoordinator.StatusCode));
    }

    [Fact]
    public async Task CoordinatorOfAnotherTenant_GetsNotFound_ForTheEventsRegistrations()
    {
        var cafe = (await factory.Coordinator(_tenant).ScheduleAsync()).Id();
        var registered = await (await factory.Anonymous().RegisterAsync(cafe, _tenant, EventRequests.Registrant("amina@example.org")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var stranger = factory.Coordinator(TestEnvironment.NewTenant());

        var list = await stranger.GetAsync($"/api/events/{cafe}/registrations");
        var csv = await stranger.GetAsync($"/api/events/{cafe}/registrations.csv");
        var checkIn = await stranger.PostAsJsonAsync($"/api/events/{cafe}/checkins", new { registrationId = registered.Id() });
        var cancel = await stranger.CancelAsync(cafe, _tenant, registered.Id(), null);

        Assert.All(new[] { list, csv, checkIn, cancel }, response => Assert.Equal(HttpStatusCode.NotFound, response.StatusCode));
        Assert.DoesNotContain("amina", await list.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM registrations WHERE id = @p0 AND status = 'confirmed' AND checked_in_at IS NULL", registered.Id()));
        Assert.Equal(HttpStatusCode.OK, (await factory.Coordinator(_tenant).GetAsync($"/api/events/{cafe}/registrations")).StatusCode);
    }

    [Fact]
    public async Task Register_BadInput_Returns400NamingEveryField_AndStoresNothing()
    {
        var cafe = (await factory.Coordinator(_tenant).ScheduleAsync()).Id();

        var response = await factory.Anonymous().RegisterAsync(cafe, _tenant, new
        {
            name = "", email = "not-an-address", participantGroup = "professional", needs = new { interpreterLanguage = "Arabisch" },
            processingConsent = false,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["email", "name", "needs.interpreterLanguage", "processingConsent"], errors.EnumerateObject().Select(e => e.Name).Order());
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0", cafe));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE tenant_id = @p0 AND message_type <> 'EventScheduled'", _tenant));
    }

    [Theory]
    [InlineData("""{"name":"A","email":"a@example.org","participantGroup":"tourist","processingConsent":true}""", "$.participantGroup")]
    [InlineData("""{"name":"A","email":"a@example.org","participantGroup":"other","sessionIds":["x"],"processingConsent":true}""", "$.sessionIds[0]")]
    [InlineData("""{"name":""", "$")]
    public async Task Register_UnreadableBody_Returns400NamingTheField(string json, string field)
    {
        var cafe = (await factory.Coordinator(_tenant).ScheduleAsync()).Id();

        var response = await factory.Anonymous().PostAsync($"/api/events/{cafe}/registrations?tenant={_tenant}",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith(field, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_BlankOptionalFields_CountAsAbsent()
    {
        var cafe = (await factory.Coordinator(_tenant).ScheduleAsync()).Id();

        var response = await factory.Anonymous().RegisterAsync(cafe, _tenant, new
        {
            name = "Jana Müller", email = "jana@example.org", organisation = " ", participantGroup = "volunteer",
            needs = new { interpreterLanguage = "", accessibility = "" }, processingConsent = true,
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1, await factory.CountAsync(
            """
            SELECT count(*) FROM registrations WHERE event_id = @p0 AND organisation IS NULL
              AND needs = '{"Childcare": false, "Accessibility": null, "InterpreterLanguage": null}'::jsonb
            """, cafe));
    }

    [Fact]
    public async Task Register_UnknownSession_Returns422()
    {
        var cafe = (await factory.Coordinator(_tenant).ScheduleAsync()).Id();

        var response = await factory.Anonymous().RegisterAsync(cafe, _tenant, EventRequests.Registrant("amina@example.org", [Guid.NewGuid()]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Register_StoresTheConsentTextShown_AndOnlyAHashOfTheCancelToken()
    {
        var cafe = (await factory.Coordinator(_tenant).ScheduleAsync()).Id();
        var shown = (await factory.Anonymous().GetFromJsonAsync<JsonElement>($"/api/events/{cafe}?tenant={_tenant}"))
            .GetProperty("consentTexts").GetProperty("en").GetString()!;

        var body = new Dictionary<string, object?>
        {
            ["name"] = "Amina Haddad", ["email"] = "amina@example.org", ["participantGroup"] = "newcomer",
            ["processingConsent"] = true, ["consentLanguage"] = "en",
        };
        var registered = await (await factory.Anonymous().PostAsJsonAsync($"/api/events/{cafe}/registrations?tenant={_tenant}", body))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM registrations WHERE id = @p0 AND consent_text = @p1", registered.Id(), shown));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM registrations WHERE cancel_token_hash = @p0",
            registered.GetProperty("cancelToken").GetString()!));
    }

    [Fact]
    public async Task RegistrationEvents_ArePublished_WithoutNamesOrEmails()
    {
        await using var confirmedTap = await BrokerTap.StartAsync(nameof(RegistrationConfirmed));
        await using var waitlistedTap = await BrokerTap.StartAsync(nameof(RegistrationWaitlisted));
        await using var cancelledTap = await BrokerTap.StartAsync(nameof(RegistrationCancelled));
        await using var promotedTap = await BrokerTap.StartAsync(nameof(RegistrationPromoted));
        var cafe = (await factory.Coordinator(_tenant).ScheduleAsync(EventRequests.WorldCafe(capacity: 1, sessions: []))).Id();
        var first = await (await factory.Anonymous().RegisterAsync(cafe, _tenant, EventRequests.Registrant("amina@example.org", name: "Amina Haddad")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await factory.Anonymous().RegisterAsync(cafe, _tenant, EventRequests.Registrant("olena@example.org", name: "Olena Kovalenko")))
            .Content.ReadFromJsonAsync<JsonElement>();

        await factory.Anonymous().CancelAsync(cafe, _tenant, first.Id(), first.GetProperty("cancelToken").GetString());

        var taps = new[] { confirmedTap, waitlistedTap, cancelledTap, promotedTap };
        var seen = await Eventually.GetAsync(() => Task.FromResult(taps.Select(tap => OfEvent(tap, cafe)).ToArray()), all => all.All(m => m.Count == 1));
        Assert.Equal([first.Id(), second.Id(), first.Id(), second.Id()], seen.Select(m => m.Single().GetProperty("registrationId").GetGuid()));
        Assert.Equal(1, seen[1][0].GetProperty("position").GetInt32());
        var all = string.Join("\n", seen.Select(m => m[0].GetRawText()));
        Assert.DoesNotContain("Amina", all, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.org", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Caritas", all, StringComparison.Ordinal);
    }

    private static List<JsonElement> OfEvent(BrokerTap tap, Guid eventId) =>
        tap.Messages.Where(m => m.GetProperty("networkEventId").GetGuid() == eventId).ToList();
}
