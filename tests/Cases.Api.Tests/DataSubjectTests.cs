using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class DataSubjectTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task Export_ContainsEverythingEntered()
    {
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var entered = await EnteredCase.EnterEverythingAsync(session);

        var response = await session.Client.GetAsync($"/api/cases/{entered.Id}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var value in entered.Personal.Concat(EnteredCase.Kept).Append("2015"))
        {
            Assert.Contains(value, text, StringComparison.Ordinal);
        }

        var export = JsonDocument.Parse(text).RootElement;
        Assert.Single(export.GetProperty("consentTexts").EnumerateArray());
        Assert.Contains(export.GetProperty("audit").EnumerateArray(), entry => entry.GetProperty("action").GetString() == "export");
    }

    [Fact]
    public async Task Export_OtherServices_EachListedAsAnsweredOrWithTheReason()
    {
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var entered = await EnteredCase.EnterEverythingAsync(session);

        var export = await session.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{entered.Id}/export");

        // Whether the partner service answers depends on what runs on the broker; a missing answer must still be listed.
        var elsewhere = export.GetProperty("heldElsewhere").EnumerateArray().ToList();
        Assert.Equal(["partners", "events"], elsewhere.Select(service => service.GetProperty("service").GetString()));
        Assert.All(elsewhere, service => Assert.True(
            service.GetProperty("answered").GetBoolean() || service.GetProperty("problem").GetString() is { Length: > 0 }, service.ToString()));
    }

    [Fact]
    public async Task Erase_RemovesEveryPersonalField_FromEveryTable_KeepsTheSkeleton_AndPublishesCaseErased()
    {
        await using var tap = await BrokerTap.StartAsync("CaseErased");
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var entered = await EnteredCase.EnterEverythingAsync(session);
        var id = entered.Id;
        // Before: every value is somewhere (the case row, the outbox's ReferralRequested), or the search proves nothing.
        Assert.Equal(entered.Personal.Order(), (await entered.FindPersonalDataAsync(factory.OwnerConnectionString)).Select(hit => hit.Value).Distinct().Order());

        var response = await session.DeleteAsync(id, (await GetETagAsync(session, id)));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await entered.FindPersonalDataAsync(factory.OwnerConnectionString));
        await EnteredCase.AssertRowErasedAsync(factory, id);
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM cases WHERE id = @p0 AND phase = 'closed' AND municipality = 'Rietberg' AND age_band <> '' AND erased_at IS NOT NULL", id));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type = 'ReferralRequested' AND payload->>'caseId' = @p0 AND payload->'person' = 'null'::jsonb AND payload->'dataCategories' = '[]'::jsonb",
            id.ToString()));
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
        await EnteredCase.AssertRowErasedAsync(factory, id);
    }

    private static async Task<string> GetETagAsync(CaseSession session, Guid id)
    {
        await session.GetAsync(id);
        return session.ETagOf(id);
    }
}
