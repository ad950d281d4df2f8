using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests.Support;

/// <summary>
/// A test person entered through the gateway: a case with needs, a contact and a consent, referred to a partner who
/// accepted and completed the referral. Every free value carries the marker, so a search finds it wherever it went.
/// </summary>
internal sealed class TestPerson
{
    private string _etag = "";

    public required string Tenant { get; init; }
    public required Guid CaseId { get; init; }
    public Guid ReferralId { get; private set; }
    public required string Partner { get; init; }
    public required HttpClient CaseManager { get; init; }
    public required Dictionary<string, string> Entered { get; init; }

    /// <param name="withEmail">Whether the case holds an e-mail address (entered as <c>email</c>).</param>
    public static async Task<TestPerson> EnterAsync(bool withEmail = false)
    {
        var tenant = TestEnvironment.NewTenant();
        var marker = Guid.NewGuid().ToString("N")[..12];
        var partner = $"caritas-{Guid.NewGuid():N}"[..20];
        var entered = new Dictionary<string, string>
        {
            ["givenName"] = $"Given{marker}", ["familyName"] = $"Family{marker}", ["nationality"] = $"Nat{marker}",
            ["household"] = $"Child{marker}", ["need"] = $"Need{marker}", ["contact"] = $"Contact{marker}",
            ["consentPurpose"] = $"Purpose{marker}", ["referralNote"] = $"Note{marker}", ["partnerOutcome"] = $"Outcome{marker}",
        };
        if (withEmail)
        {
            entered["email"] = $"person.{marker}@example.org";
        }

        var coordinator = Stack.Gateway(tenant, "kreis-kim", "coordinator");
        var staff = Stack.Gateway(tenant, partner, "partner_staff");
        var caseManager = Stack.Gateway(tenant, "kreis-kim", "case_manager");

        Assert.Equal(HttpStatusCode.Created, (await coordinator.PostAsJsonAsync("/api/partners/organisations", new
        {
            id = partner, name = "Caritas Rietberg", kind = "welfare", legalDomains = new[] { "sgb-ii" }, languages = new[] { "de" },
        })).StatusCode);
        var offer = await staff.PostAsJsonAsync("/api/partners/offers", new
        {
            title = new Dictionary<string, string> { ["de"] = "Jobcoaching" }, description = new Dictionary<string, string> { ["de"] = "Begleitung in Arbeit." },
            topics = new[] { "work" }, languages = new[] { "de" }, municipalities = new[] { "Rietberg" },
            schedule = new { byAppointment = true }, published = true,
        });
        Assert.Equal(HttpStatusCode.Created, offer.StatusCode);
        var offerId = (await offer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var opened = await caseManager.PostAsJsonAsync("/api/cases", new
        {
            person = new
            {
                givenName = entered["givenName"], familyName = entered["familyName"], birthDate = "1990-05-17", nationality = entered["nationality"],
                languages = new[] { "fa" }, residenceStatus = "asylum-seeker", municipality = "Rietberg",
                household = new[] { new { relation = "child", givenName = entered["household"], birthYear = 2016 } },
                email = entered.GetValueOrDefault("email"),
            },
            targetGroups = new[] { "families" }, reachability = "medium",
        });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var person = new TestPerson
        {
            Tenant = tenant, CaseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid(),
            Partner = partner, CaseManager = caseManager, Entered = entered, _etag = opened.Headers.ETag!.Tag,
        };

        await person.StepAsync("/assessment", new { needs = new[] { new { lifeArea = "work", description = entered["need"] } } });
        await person.StepAsync("/contacts", new { date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), channel = "phone", note = entered["contact"] });
        await person.StepAsync("/consents", new
        {
            purpose = entered["consentPurpose"], recipients = new[] { new { organisationId = partner } },
            dataCategories = new[] { "identity", "needs", "household", "languages" }, form = "written", language = "de",
        });
        person.ReferralId = (await person.StepAsync("/referrals", new { offerId, partnerOrganisationId = partner, note = entered["referralNote"] }))
            .GetProperty("id").GetGuid();

        await Eventually.GetAsync(() => staff.GetFromJsonAsync<JsonElement>("/api/partners/referrals"), page => page.GetProperty("total").GetInt32() > 0);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/partners/referrals/{person.ReferralId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/partners/referrals/{person.ReferralId}/complete", new { outcome = entered["partnerOutcome"] })).StatusCode);
        await Eventually.GetAsync(
            async () => (await caseManager.GetFromJsonAsync<JsonElement>($"/api/cases/{person.CaseId}")).GetProperty("referrals")[0].GetProperty("status").GetString(),
            status => status == "completed");
        person._etag = (await caseManager.GetAsync($"/api/cases/{person.CaseId}")).Headers.ETag!.Tag;
        return person;
    }

    /// <summary>POSTs a change of the case with its ETag and returns the answer's body.</summary>
    public async Task<JsonElement> StepAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{CaseId}{path}") { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", _etag);
        var response = await CaseManager.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        _etag = response.Headers.ETag?.Tag ?? _etag;
        return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Walks the case from assessment through plan and monitoring to closed.</summary>
    public async Task CloseAsync()
    {
        await StepAsync("/plan", new { goals = new[] { new { lifeArea = "work", description = "Work", dueDate = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd") } } });
        await StepAsync("/monitoring", new { });
        await StepAsync("/close", new { reason = "goals-achieved", outcome = "achieved" });
    }

    public async Task EraseAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/cases/{CaseId}");
        request.Headers.TryAddWithoutValidation("If-Match", _etag);
        var response = await CaseManager.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"erase: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public Task<JsonElement> ExportAsync() => CaseManager.GetFromJsonAsync<JsonElement>($"/api/cases/{CaseId}/export");
}
