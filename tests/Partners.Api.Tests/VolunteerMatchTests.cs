using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Contracts;
using KimPlatform.Partners.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Partners.Api.Tests;

[Collection(PartnersApiCollection.Name)]
public sealed class VolunteerMatchTests(PartnersApiFactory factory)
{
    private const string Pool = "ehrenamt-rietberg";

    private static object Volunteer(string name, string[]? languages = null, string[]? municipalities = null, string? certificate = null,
        bool contactConsent = true) => new
    {
        name, email = "v@example.org", languages = languages ?? ["ar", "de"], skills = new[] { "Begleitung zu Ämtern" },
        municipalities = municipalities ?? ["Rietberg"], availability = "dienstags nachmittags", certificateOfConductDate = certificate,
        contactConsent,
    };

    /// <summary>A tenant whose volunteer initiative has accepted a mentoring referral (person speaks Arabic, lives in Rietberg).</summary>
    private async Task<(string Tenant, HttpClient Staff, ReferralRequested Referral)> AcceptedReferralAsync(ReferredPerson? person = null)
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync(Pool, "volunteer-initiative");
        var requested = ReferralMessages.Requested(tenant, Pool, Guid.NewGuid().ToString("N")[..8]) with { Languages = ["ar"] };
        if (person is not null)
        {
            requested = requested with { Person = person };
        }

        await factory.PublishAndAwaitInboxAsync(requested);
        var staff = factory.Staff(tenant, Pool);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/partners/referrals/{requested.ReferralId}/accept", null)).StatusCode);
        return (tenant, staff, requested);
    }

    private static async Task<Guid> EnlistAsync(HttpClient staff, object volunteer)
    {
        var response = await staff.PostAsJsonAsync("/api/partners/volunteers", volunteer);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> MatchAsync(HttpClient staff, Guid referralId, Guid volunteerId) =>
        staff.PostAsJsonAsync($"/api/partners/referrals/{referralId}/match", new { volunteerId });

    [Fact]
    public async Task MatchVolunteer_FittingVolunteer_MatchesAndTheCaseLearnsNothingAboutThem()
    {
        var (tenant, staff, referral) = await AcceptedReferralAsync();
        var name = $"Ehrenamtliche {Guid.NewGuid():N}";
        var volunteer = await EnlistAsync(staff, Volunteer(name));

        var response = await MatchAsync(staff, referral.ReferralId, volunteer);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(volunteer, (await response.JsonAsync()).GetProperty("matchedVolunteerId").GetGuid());
        // The match itself publishes nothing, and nothing in the outbox names or identifies the volunteer.
        Assert.Equal(0, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @p0 AND message_type NOT IN ('OrganisationRegistered', 'ReferralAccepted')", tenant));
        Assert.Equal(0, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE payload::text LIKE '%' || @p0 || '%' OR payload::text LIKE '%' || @p1 || '%'",
            name, volunteer.ToString()));
    }

    [Fact]
    public async Task MatchVolunteer_NoCommonLanguage_Returns422()
    {
        var (_, staff, referral) = await AcceptedReferralAsync();
        var volunteer = await EnlistAsync(staff, Volunteer("Nur Deutsch", languages: ["de", "tr"]));

        var response = await MatchAsync(staff, referral.ReferralId, volunteer);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("languages", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchVolunteer_OtherMunicipality_Returns422()
    {
        var (_, staff, referral) = await AcceptedReferralAsync();
        var volunteer = await EnlistAsync(staff, Volunteer("Nur Verl", municipalities: ["Verl"]));

        var response = await MatchAsync(staff, referral.ReferralId, volunteer);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Rietberg", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchVolunteer_MinorAndCertificateOlderThanFiveYears_Returns422_FreshCertificateMatches()
    {
        var minor = new ReferredPerson("Yusuf", "Karimi", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-15));
        var (_, staff, referral) = await AcceptedReferralAsync(minor);
        var old = await EnlistAsync(staff, Volunteer("Altes Zeugnis", certificate: DateTime.UtcNow.AddYears(-6).ToString("yyyy-MM-dd")));
        var none = await EnlistAsync(staff, Volunteer("Ohne Zeugnis"));
        var fresh = await EnlistAsync(staff, Volunteer("Neues Zeugnis", certificate: DateTime.UtcNow.AddYears(-1).ToString("yyyy-MM-dd")));

        var refusedOld = await MatchAsync(staff, referral.ReferralId, old);
        var refusedNone = await MatchAsync(staff, referral.ReferralId, none);
        var matched = await MatchAsync(staff, referral.ReferralId, fresh);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedOld.StatusCode);
        Assert.Contains("certificate", (await refusedOld.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedNone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, matched.StatusCode);
    }

    [Fact]
    public async Task MatchVolunteer_AdultAndOldCertificate_Matches()
    {
        var (_, staff, referral) = await AcceptedReferralAsync();
        var volunteer = await EnlistAsync(staff, Volunteer("Altes Zeugnis", certificate: DateTime.UtcNow.AddYears(-8).ToString("yyyy-MM-dd")));

        Assert.Equal(HttpStatusCode.OK, (await MatchAsync(staff, referral.ReferralId, volunteer)).StatusCode);
    }

    [Fact]
    public async Task MatchVolunteer_ReferralNotAccepted_Returns409()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync(Pool, "volunteer-initiative");
        var requested = ReferralMessages.Requested(tenant, Pool, "x");
        await factory.PublishAndAwaitInboxAsync(requested);
        var staff = factory.Staff(tenant, Pool);
        var volunteer = await EnlistAsync(staff, Volunteer("Jemand"));

        Assert.Equal(HttpStatusCode.Conflict, (await MatchAsync(staff, requested.ReferralId, volunteer)).StatusCode);
    }

    [Fact]
    public async Task EnlistVolunteer_OrganisationThatDoesNotCoordinateVolunteers_Returns403()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("jobcenter-gt", "jobcenter");

        var response = await factory.Staff(tenant, "jobcenter-gt").PostAsJsonAsync("/api/partners/volunteers", Volunteer("Jemand"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM volunteers WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task GetVolunteer_OfAnotherOrganisation_Returns404()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync(Pool, "volunteer-initiative");
        await factory.Coordinator(tenant).RegisterAsync("caritas", "welfare");
        var volunteer = await EnlistAsync(factory.Staff(tenant, Pool), Volunteer("Jemand"));

        var response = await factory.Staff(tenant, "caritas").GetAsync($"/api/partners/volunteers/{volunteer}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ChangeVolunteer_CurrentETag_Changes()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync(Pool, "volunteer-initiative");
        var staff = factory.Staff(tenant, Pool);
        var volunteer = await EnlistAsync(staff, Volunteer("Jemand"));
        var body = JsonSerializer.SerializeToNode(Volunteer("Jemand Anders"))!.AsObject();

        var response = await staff.PutAsync($"/api/partners/volunteers/{volunteer}", body, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Jemand Anders", (await response.JsonAsync()).GetProperty("name").GetString());
    }
}
