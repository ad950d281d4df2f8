using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Retention;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class DataSubjectTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task Export_ContainsEverythingEntered()
    {
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var id = await EnterEverythingAsync(session);

        var response = await session.Client.GetAsync($"/api/cases/{id}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var entered in new[]
        {
            "Olena", "Kovalenko", "1988-04-12", "\"UA\"", "temporary-protection", "Rietberg", "Dmytro", "2015",
            "B1 course needed for the job", "Pass the B1 exam (0)", "Called about the course", "Referral to a job coaching offer",
            "jobcenter-guetersloh", "Interested in care work", "No childcare during courses", "women", "medium",
        })
        {
            Assert.Contains(entered, text, StringComparison.Ordinal);
        }

        var export = JsonDocument.Parse(text).RootElement;
        Assert.Single(export.GetProperty("consentTexts").EnumerateArray());
        Assert.Contains(export.GetProperty("audit").EnumerateArray(), entry => entry.GetProperty("action").GetString() == "export");
    }

    [Fact]
    public async Task Erase_RemovesEveryPersonalField_KeepsTheSkeleton_AndPublishesCaseErased()
    {
        await using var tap = await BrokerTap.StartAsync("CaseErased");
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var id = await EnterEverythingAsync(session);

        var response = await session.DeleteAsync(id, (await GetETagAsync(session, id)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await AssertNoPersonalDataAsync(id);
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM cases WHERE id = @p0 AND phase = 'closed' AND municipality = 'Rietberg' AND age_band <> '' AND erased_at IS NOT NULL", id));
        var erased = await Eventually.GetAsync(() => Task.FromResult(tap.Messages), m => m.Any(e => e.GetProperty("caseId").GetGuid() == id));
        Assert.Equal("request", erased.Single(e => e.GetProperty("caseId").GetGuid() == id).GetProperty("cause").GetString());

        var skeleton = await session.GetAsync(id);
        Assert.Equal(JsonValueKind.Null, skeleton.GetProperty("person").ValueKind);
        Assert.Equal(HttpStatusCode.Conflict, (await session.ChangeAsync(id, "/reopen")).StatusCode);
    }

    [Fact]
    public async Task Erase_ByTenantAdminOfAnotherOrganisation_IsAllowed_ByPartnerStaffForbidden()
    {
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var id = await session.OpenAsync();
        var etag = session.ETagOf(id);

        var partner = new CaseSession(factory.ClientFor(_tenant, "jobcenter-guetersloh", "partner_staff"));
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.DeleteAsync(id, etag)).StatusCode);

        var admin = new CaseSession(factory.ClientFor(_tenant, "kreis-guetersloh", "tenant_admin"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(id, etag)).StatusCode);
        await AssertNoPersonalDataAsync(id);
    }

    [Fact]
    public async Task Retention_AnonymisesCasesClosedLongerThanTheTenantsPeriod_AndNoOthers()
    {
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var closed = await session.OpenInPhaseAsync("closed");
        var open = await session.OpenInPhaseAsync("monitoring");
        var job = factory.Services.GetRequiredService<CaseRetentionJob>();

        await job.RunOnceAsync(DateTimeOffset.UtcNow.AddMonths(35), CancellationToken.None);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM cases WHERE tenant_id = @p0 AND erased_at IS NOT NULL", _tenant));

        await job.RunOnceAsync(DateTimeOffset.UtcNow.AddMonths(37), CancellationToken.None);
        await AssertNoPersonalDataAsync(closed);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM cases WHERE id = @p0 AND person IS NOT NULL", open));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE case_id = @p0 AND action = 'erase' AND user_id = 'system:retention'", closed));
    }

    private async Task AssertNoPersonalDataAsync(Guid id)
    {
        Assert.Equal(1, await factory.CountAsync(
            """
            SELECT count(*) FROM cases WHERE id = @p0
              AND person IS NULL AND folded_name IS NULL AND name_keys IS NULL AND birth_date IS NULL
              AND needs::text NOT LIKE '%B1 course%' AND goals::text NOT LIKE '%B1 exam%'
              AND contacts::text NOT LIKE '%Called about%' AND referrals::text NOT LIKE '%care work%'
              AND consents::text NOT LIKE '%job coaching%' AND consents::text NOT LIKE '%Kovalenko%'
            """, id));
        Assert.Equal(0, await factory.CountAsync(
            "SELECT count(*) FROM cases WHERE id = @p0 AND (cases::text LIKE '%Kovalenko%' OR cases::text LIKE '%Olena%' OR cases::text LIKE '%Dmytro%')", id));
    }

    private static async Task<string> GetETagAsync(CaseSession session, Guid id)
    {
        await session.GetAsync(id);
        return session.ETagOf(id);
    }

    private static async Task<Guid> EnterEverythingAsync(CaseSession session)
    {
        var id = await session.OpenAsync(new
        {
            person = new
            {
                givenName = "Olena", familyName = "Kovalenko", birthDate = "1988-04-12", gender = "female", nationality = "UA",
                languages = new[] { "uk", "ru" }, residenceStatus = "temporary-protection", arrivalDate = "2022-03-20", municipality = "Rietberg",
                household = new[] { new { relation = "child", givenName = "Dmytro", birthYear = 2015 } },
            },
            targetGroups = new[] { "women" },
            reachability = "medium",
        });
        await session.ChangeOkAsync(id, "/assessment", Bodies.Assessment);
        await session.ChangeOkAsync(id, "/plan", Bodies.Plan());
        await session.ChangeOkAsync(id, "/contacts", new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), channel = "phone", note = "Called about the course" });
        await session.ChangeOkAsync(id, "/consents", Bodies.Consent(categories: ["identity", "needs"]));
        await session.ChangeOkAsync(id, "/referrals", Bodies.Referral());
        await session.ChangeOkAsync(id, "/findings", new { lifeArea = "family", theme = "Childcare", description = "No childcare during courses" });
        return id;
    }
}
