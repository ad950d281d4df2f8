using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>The case manager's note reaches the partner's inbox only under a consent that covers the category <c>note</c>.</summary>
public sealed class ReferralNoteTests
{
    [Fact]
    public async Task Refer_ConsentWithAndWithoutCategoryNote_PartnersInboxShowsTheNoteOnlyUnderIt()
    {
        var tenant = TestEnvironment.NewTenant();
        var partner = $"diakonie-{Guid.NewGuid():N}"[..20];
        var caseManager = Stack.Gateway(tenant, "kreis-kim", "case_manager");
        var staff = Stack.Gateway(tenant, partner, "partner_staff");
        var registered = await Stack.Gateway(tenant, "kreis-kim", "coordinator").PostAsJsonAsync("/api/partners/organisations", new
        {
            id = partner, name = "Diakonie Verl", kind = "welfare", legalDomains = new[] { "sgb-ii" }, languages = new[] { "de" },
        });
        registered.EnsureSuccessStatusCode();

        var opened = await caseManager.PostAsJsonAsync("/api/cases", Stack.NewCase("Verl"));
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var etag = opened.Headers.ETag!.Tag;
        async Task<Guid> StepAsync(string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}{path}") { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            var response = await caseManager.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            etag = response.Headers.ETag?.Tag ?? etag;
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        async Task<Guid> ReferUnderAsync(string[] categories, string note)
        {
            // Eventually: the case service learns the organisation from OrganisationRegistered.
            var consentId = await Eventually.GetAsync(async () =>
            {
                try
                {
                    return await StepAsync("/consents", new
                    {
                        purpose = "Beratung", recipients = new[] { new { organisationId = partner } }, dataCategories = categories,
                        form = "written", language = "de",
                    });
                }
                catch (Xunit.Sdk.XunitException)
                {
                    return Guid.Empty;
                }
            }, id => id != Guid.Empty);
            return await StepAsync("/referrals", new { offerId = Guid.NewGuid(), partnerOrganisationId = partner, consentId, note });
        }

        var withoutNote = await ReferUnderAsync(["identity"], "Fuerchtet Behoerden (ohne Einwilligung)");
        var withNote = await ReferUnderAsync(["identity", "note"], "Bitte vormittags anrufen");

        var inbox = await Eventually.GetAsync(() => staff.GetFromJsonAsync<JsonElement>("/api/partners/referrals"),
            page => page.GetProperty("total").GetInt32() == 2);
        var notes = inbox.GetProperty("items").EnumerateArray().ToDictionary(
            item => item.GetProperty("id").GetGuid(), item => item.TryGetProperty("note", out var note) ? note.GetString() : null);
        Assert.Null(notes[withoutNote]);
        Assert.Equal("Bitte vormittags anrufen", notes[withNote]);
        Assert.DoesNotContain("Fuerchtet Behoerden", inbox.GetRawText(), StringComparison.Ordinal);
    }
}
