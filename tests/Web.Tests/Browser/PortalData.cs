using System.Net.Http.Json;
using System.Text.Json;

namespace KimPlatform.Web.Tests.Browser;

/// <summary>What the portal tests find: offers and events of a fresh tenant, created through the public API.</summary>
internal static class PortalData
{
    /// <summary>Registers the organisation with the coordination; a second call for the same key changes nothing.</summary>
    public static async Task RegisterOrganisationAsync(string tenant, string organisation, string kind = "welfare")
    {
        using var coordinator = Site.Api(tenant, "ki-guetersloh", "coordinator");
        using var response = await coordinator.PostAsJsonAsync("/api/partners/organisations", new
        {
            id = organisation, name = $"{organisation} (Test)", kind, legalDomains = Array.Empty<string>(), languages = new[] { "de" },
        });
        Assert.True(response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.Conflict, $"{(int)response.StatusCode} registering {organisation}");
    }

    public static async Task<Guid> PublishOfferAsync(string tenant, string organisation, object title, object description, string[] topics, string[] languages)
    {
        await RegisterOrganisationAsync(tenant, organisation);
        using var staff = Site.Api(tenant, organisation, "partner_staff");
        var created = await Site.JsonAsync(await staff.PostAsJsonAsync("/api/partners/offers", new
        {
            title, description, topics, languages, targetGroups = new[] { "women", "families" }, municipalities = new[] { "Rietberg" },
            capacity = 12, published = true,
            location = new { name = "Pfarrheim St. Johannes", street = "Rathausstraße 2", postalCode = "33397", city = "Rietberg", latitude = 51.8049, longitude = 8.4276 },
            schedule = new { byAppointment = false, hours = new[] { new { day = "tuesday", opens = "09:30", closes = "11:30" } } },
            accessibility = new { wheelchairAccessible = true, childcareAvailable = true },
        }));
        return created.GetProperty("id").GetGuid();
    }

    public static Task<Guid> PublishLanguageCourseAsync(string tenant) => PublishOfferAsync(
        tenant, "caritas-guetersloh",
        new Dictionary<string, string> { ["de"] = "Deutschkurs mit Kinderbetreuung", ["ar"] = "دورة اللغة الألمانية مع رعاية الأطفال" },
        new Dictionary<string, string> { ["de"] = "Deutsch lernen, während die Kinder betreut werden.", ["ar"] = "تعلّم الألمانية أثناء رعاية الأطفال." },
        ["language"], ["de", "ar"]);

    public static async Task<JsonElement> ScheduleWorldCafeAsync(string tenant, int capacity, string title = "World Café: Ankommen in Rietberg")
    {
        using var coordinator = Site.Api(tenant, "ki-guetersloh", "coordinator");
        return await Site.JsonAsync(await coordinator.PostAsJsonAsync("/api/events", new
        {
            title, format = "world-cafe", startsAt = "2030-03-28T17:00:00+01:00", endsAt = "2030-03-28T20:00:00+01:00",
            venue = "Cultura Rietberg", capacity, sessions = new[] { new { title = "Tisch 1: Arbeit", capacity }, new { title = "Tisch 2: Wohnen", capacity } },
            languages = new[] { "de", "ar", "uk" }, @public = true,
        }));
    }

    public static async Task<JsonElement> RegisterAsync(string tenant, Guid eventId, string email, string name = "Teilnehmende Person")
    {
        using var anonymous = Site.Api();
        return await Site.JsonAsync(await anonymous.PostAsJsonAsync($"/api/events/{eventId}/registrations?tenant={tenant}", new
        {
            name, email, participantGroup = "newcomer", processingConsent = true,
        }));
    }

    public static async Task OpenWorkingGroupAsync(string tenant, string name)
    {
        using var coordinator = Site.Api(tenant, "ki-guetersloh", "coordinator");
        await Site.JsonAsync(await coordinator.PostAsJsonAsync("/api/partners/bodies", new
        {
            kind = "working-group", name, description = "Wir treffen uns einmal im Monat.", topics = new[] { "language" },
            meetingRhythm = "monatlich", openForSignup = true, members = Array.Empty<object>(),
        }));
    }

    /// <summary>A case of a case manager in Rietberg, with the person's consent for <paramref name="partner"/> and a referral to <paramref name="offer"/>.</summary>
    public static async Task<Guid> RequestReferralAsync(string tenant, Guid offer, string partner, string givenName, string familyName)
    {
        using var caseManager = Site.Api(tenant, "stadt-rietberg", "case_manager");
        var opened = await OpenCaseAsync(caseManager, givenName, familyName);
        var id = opened.GetProperty("id").GetGuid();
        var consent = await SendAsync(caseManager, $"/api/cases/{id}/consents", $"\"{opened.GetProperty("version").GetInt64()}\"", new
        {
            purpose = "Patenschaft", recipients = new[] { new { organisationId = partner } }, dataCategories = new[] { "identity", "languages" },
            form = "written", language = "uk",
        });
        var referral = await Site.JsonAsync(await SendAsync(caseManager, $"/api/cases/{id}/referrals", consent.Headers.ETag?.ToString(),
            new { offerId = offer, partnerOrganisationId = partner }));
        return referral.GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? ifMatch, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {path}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>Opens a case in Rietberg for a Ukrainian-speaking person with the client of a case manager.</summary>
    public static async Task<JsonElement> OpenCaseAsync(HttpClient caseManager, string givenName, string familyName) =>
        await Site.JsonAsync(await caseManager.PostAsJsonAsync("/api/cases", new
        {
            person = new { givenName, familyName, birthDate = "1988-04-12", languages = new[] { "uk", "de" }, residenceStatus = "temporary-protection", municipality = "Rietberg" },
            targetGroups = new[] { "women" }, reachability = "good",
        }));
}
