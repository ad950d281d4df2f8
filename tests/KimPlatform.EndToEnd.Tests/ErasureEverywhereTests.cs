using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>
/// Erasing a case (Art. 17) removes what was entered about the person from every table of every service's database,
/// outboxes and inboxes included, not only from the case service.
/// </summary>
public sealed class ErasureEverywhereTests
{
    private static readonly string[] Databases = ["casesdb", "partnersdb", "eventsdb", "reportingdb"];

    [Fact]
    public async Task EraseCase_AfterReferralAnsweredByPartner_LeavesNoEnteredValueInAnyDatabase()
    {
        var person = await TestPerson.EnterAsync();
        var entered = person.Entered;

        // The search can find what it looks for: before erasure the values are in the case and at the partner.
        var before = await FindEverywhereAsync(entered.Values);
        Assert.Contains(before, hit => hit.StartsWith("casesdb.cases:", StringComparison.Ordinal) && hit.EndsWith(entered["need"], StringComparison.Ordinal));
        Assert.Contains(before, hit => hit.StartsWith("partnersdb.referrals:", StringComparison.Ordinal) && hit.EndsWith(entered["givenName"], StringComparison.Ordinal));
        Assert.Contains(before, hit => hit.StartsWith("partnersdb.referrals:", StringComparison.Ordinal) && hit.EndsWith(entered["partnerOutcome"], StringComparison.Ordinal));

        await person.EraseAsync();

        // Erasure reaches the partner through CaseErased; poll until every database is clean, then say what is left.
        var left = await Eventually.GetAsync(() => FindEverywhereAsync(entered.Values), hits => hits.Count == 0, TimeSpan.FromSeconds(30));
        Assert.True(left.Count == 0, "After erasure these tables still hold values entered about the person:\n  " + string.Join("\n  ", left));
    }

    [Fact]
    public async Task ExportCase_ReferralCompletedAtPartner_ListsWhatThePartnerHoldsWithPurposeRecipientsAndDeletionDate()
    {
        var person = await TestPerson.EnterAsync();

        var export = await person.CaseManager.GetFromJsonAsync<JsonElement>($"/api/cases/{person.CaseId}/export");

        var elsewhere = export.GetProperty("heldElsewhere").EnumerateArray().ToList();
        var partners = Assert.Single(elsewhere, service => service.GetProperty("service").GetString() == "partners");
        Assert.True(partners.GetProperty("answered").GetBoolean(), partners.ToString());
        var referral = Assert.Single(partners.GetProperty("items").EnumerateArray(), item => item.GetProperty("kind").GetString() == "referral");
        Assert.Equal(person.ReferralId, referral.GetProperty("id").GetGuid());
        Assert.Equal(person.Partner, referral.GetProperty("holder").GetString());
        Assert.Equal("completed", referral.GetProperty("status").GetString());
        Assert.Contains("person", Strings(referral, "fields"));
        Assert.Contains("outcome", Strings(referral, "fields"));
        Assert.Contains("Vermittlung", Strings(referral, "purposes"));
        Assert.Contains("Beschäftigte der speichernden Organisation", Strings(referral, "recipients"));
        Assert.Contains("Löschung des Falls auf Antrag (Art. 17 DSGVO)", Strings(referral, "deletion"));
        // Completed today: the partner's retention job removes the shared data six months on.
        var deletedBy = DateOnly.Parse(referral.GetProperty("deletedBy").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(deletedBy.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(6)).DayNumber, -1, 1);

        var events = Assert.Single(elsewhere, service => service.GetProperty("service").GetString() == "events");
        Assert.False(events.GetProperty("answered").GetBoolean());
        Assert.False(string.IsNullOrEmpty(events.GetProperty("problem").GetString()));
    }

    private static List<string?> Strings(JsonElement item, string property) =>
        item.GetProperty(property).EnumerateArray().Select(value => value.GetString()).ToList();

    /// <summary>
    /// A test person entered through the gateway: a case with needs, a contact and a consent, referred to a partner who
    /// accepted and completed the referral. Every free value carries the marker.
    /// </summary>
    private sealed class TestPerson
    {
        private string _etag = "";

        public required Guid CaseId { get; init; }
        public required Guid ReferralId { get; init; }
        public required string Partner { get; init; }
        public required HttpClient CaseManager { get; init; }
        public required Dictionary<string, string> Entered { get; init; }

        public static async Task<TestPerson> EnterAsync()
        {
            var tenant = TestEnvironment.NewTenant();
            var marker = Guid.NewGuid().ToString("N")[..12];
            var partner = $"caritas-{Guid.NewGuid():N}"[..20];
            // Every free value entered about the test person carries the marker, so a search finds it wherever it went.
            var entered = new Dictionary<string, string>
            {
                ["givenName"] = $"Given{marker}", ["familyName"] = $"Family{marker}", ["nationality"] = $"Nat{marker}",
                ["household"] = $"Child{marker}", ["need"] = $"Need{marker}", ["contact"] = $"Contact{marker}",
                ["consentPurpose"] = $"Purpose{marker}", ["referralNote"] = $"Note{marker}", ["partnerOutcome"] = $"Outcome{marker}",
            };
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
                },
                targetGroups = new[] { "families" }, reachability = "medium",
            });
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var etag = opened.Headers.ETag!.Tag;
            async Task<JsonElement> CaseStep(HttpMethod method, string path, object? body)
            {
                using var request = new HttpRequestMessage(method, $"/api/cases/{caseId}{path}") { Content = body is null ? null : JsonContent.Create(body) };
                request.Headers.TryAddWithoutValidation("If-Match", etag);
                var response = await caseManager.SendAsync(request);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                etag = response.Headers.ETag?.Tag ?? etag;
                return response.StatusCode == HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            await CaseStep(HttpMethod.Post, "/assessment", new { needs = new[] { new { lifeArea = "work", description = entered["need"] } } });
            await CaseStep(HttpMethod.Post, "/contacts", new { date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), channel = "phone", note = entered["contact"] });
            await CaseStep(HttpMethod.Post, "/consents", new
            {
                purpose = entered["consentPurpose"], recipients = new[] { new { organisationId = partner } },
                dataCategories = new[] { "identity", "needs", "household", "languages" }, form = "written", language = "de",
            });
            var referralId = (await CaseStep(HttpMethod.Post, "/referrals", new { offerId, partnerOrganisationId = partner, note = entered["referralNote"] }))
                .GetProperty("id").GetGuid();

            await Eventually.GetAsync(() => staff.GetFromJsonAsync<JsonElement>("/api/partners/referrals"), page => page.GetProperty("total").GetInt32() > 0);
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/partners/referrals/{referralId}/accept", null)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/partners/referrals/{referralId}/complete", new { outcome = entered["partnerOutcome"] })).StatusCode);
            await Eventually.GetAsync(
                async () => (await caseManager.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("referrals")[0].GetProperty("status").GetString(),
                status => status == "completed");
            etag = (await caseManager.GetAsync($"/api/cases/{caseId}")).Headers.ETag!.Tag;
            return new TestPerson { CaseId = caseId, ReferralId = referralId, Partner = partner, CaseManager = caseManager, Entered = entered, _etag = etag };
        }

        public async Task EraseAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/cases/{CaseId}");
            request.Headers.TryAddWithoutValidation("If-Match", _etag);
            var response = await CaseManager.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"erase: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>"database.table: value" for every table of every service database holding one of the values.</summary>
    private static async Task<IReadOnlyList<string>> FindEverywhereAsync(IEnumerable<string> values)
    {
        var hits = new List<string>();
        foreach (var database in Databases)
        {
            var connection = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = database, Pooling = false }.ConnectionString;
            hits.AddRange((await DatabaseSearch.FindAsync(connection, values)).Select(hit => $"{database}.{hit.Table}: {hit.Value}"));
        }

        return hits;
    }
}
