using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>The README's case-management walk-through, through the gateway: intake → consent → referral → close.</summary>
public sealed class CaseWalkthroughTests
{
    [Fact]
    public async Task IntakeConsentReferralClose_ThroughTheGateway()
    {
        var tenant = TestEnvironment.NewTenant();
        var client = Stack.Gateway(tenant, "caritas-guetersloh", "case_manager");

        var duplicate = await client.PostAsJsonAsync("/api/cases/duplicate-check", new { givenName = "Olena", familyName = "Kovalenko", birthDate = "1988-04-12" });
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        Assert.False((await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existsElsewhere").GetBoolean());

        var opened = await client.PostAsJsonAsync("/api/cases", Stack.NewCase("Rietberg"));
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var id = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var etag = opened.Headers.ETag!.Tag;

        async Task<JsonElement> Step(string path, object body, HttpStatusCode expected = HttpStatusCode.OK)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}{path}") { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            var response = await client.SendAsync(request);
            Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            etag = response.Headers.ETag?.Tag ?? etag;
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        await Step("/assessment", new { needs = new[] { new { lifeArea = "work", description = "Recognition of the nursing degree" } } });
        await Step("/referrals", new { offerId = Guid.NewGuid(), partnerOrganisationId = "jobcenter-guetersloh" }, HttpStatusCode.UnprocessableEntity);
        var consent = await Step("/consents", new
        {
            purpose = "Referral to job coaching", recipients = new[] { new { organisationId = "jobcenter-guetersloh" } },
            dataCategories = new[] { "identity", "needs" }, form = "written", language = "uk",
        }, HttpStatusCode.Created);
        var referral = await Step("/referrals", new { offerId = Guid.NewGuid(), partnerOrganisationId = "jobcenter-guetersloh" }, HttpStatusCode.Created);
        Assert.Equal("requested", referral.GetProperty("status").GetString());
        await Step("/plan", new { goals = new[] { new { lifeArea = "work", description = "Work as a nurse", dueDate = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd") } } });
        await Step("/monitoring", new { });
        var closed = await Step("/close", new { reason = "goals-achieved", outcome = "achieved" });

        Assert.Equal("closed", closed.GetProperty("phase").GetString());
        var receipt = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/consents/{consent.GetProperty("id")}/receipt");
        Assert.Equal("uk", receipt.GetProperty("language").GetString());
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/audit");
        Assert.Equal(ExpectedAudit, audit.EnumerateArray().Select(entry =>
            $"{entry.GetProperty("action").GetString()}: {string.Join(",", entry.GetProperty("fields").EnumerateArray().Select(field => field.GetString()))}"));
        // The duplicate check is logged without a case, with its outcome.
        var casesDb = new Npgsql.NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "casesdb" }.ConnectionString;
        Assert.Equal(1, await Sql.CountAsync(casesDb,
            "SELECT count(*) FROM audit_entries WHERE tenant_id = @p0 AND case_id IS NULL AND action = 'duplicate-check' AND outcome = 'not-found'", tenant));
    }

    // Every successful read and write of the case, in order; the refused referral (422) and the duplicate check
    // (about no case) are not entries of this case.
    private static readonly string[] ExpectedAudit =
    [
        "open: person,targetGroups,reachability",
        "assessment: needs,phase",
        "consent: consents",
        "referral: referrals",
        "plan: goals,phase",
        "monitoring: phase",
        "close: phase,closeReason,closeOutcome",
        "consent-receipt: consents",
        "audit-read: audit",
    ];
}
