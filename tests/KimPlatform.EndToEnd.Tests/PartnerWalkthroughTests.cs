using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Testing;

using KimPlatform.EndToEnd.Tests.Support;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>The README's partner walk-through, through the gateway: register, publish, find, refer, answer, see it on the case.</summary>
public sealed class PartnerWalkthroughTests
{
    [Fact]
    public async Task RegisterPublishFindReferAnswer_ThroughTheGateway()
    {
        var tenant = TestEnvironment.NewTenant();
        var partner = $"caritas-{Guid.NewGuid():N}"[..20];
        var coordinator = Stack.Gateway(tenant, "kreis-kim", "coordinator");
        var staff = Stack.Gateway(tenant, partner, "partner_staff");
        var caseManager = Stack.Gateway(tenant, "kreis-kim", "case_manager");

        var registered = await coordinator.PostAsJsonAsync("/api/partners/organisations", new
        {
            id = partner, name = "Caritas Rietberg", kind = "welfare", legalDomains = new[] { "sgb-ii" }, languages = new[] { "de", "ar" },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var offer = await staff.PostAsJsonAsync("/api/partners/offers", new
        {
            title = new Dictionary<string, string> { ["de"] = "Müttercafé mit Sprachkurs", ["ar"] = "مقهى الأمهات" },
            description = new Dictionary<string, string> { ["de"] = "Deutsch lernen mit Kinderbetreuung.", ["ar"] = "تعلم الألمانية مع رعاية الأطفال." },
            topics = new[] { "language" }, targetGroups = new[] { "women" }, languages = new[] { "de", "ar" }, municipalities = new[] { "Rietberg" },
            location = new { name = "Pfarrheim", city = "Rietberg", latitude = 51.80, longitude = 8.43 },
            schedule = new { byAppointment = false, hours = new[] { new { day = "tuesday", opens = "09:30:00", closes = "11:30:00" } } },
            published = true,
        });
        Assert.Equal(HttpStatusCode.Created, offer.StatusCode);
        var offerId = (await offer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var found = await Stack.Gateway().GetFromJsonAsync<JsonElement>($"/api/partners/offers?tenant={tenant}&q=muettercafe&lang=ar");
        Assert.Equal("مقهى الأمهات", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Stack.Gateway().PostAsJsonAsync("/api/partners/offers", new { })).StatusCode);

        // The case service learns the organisation from OrganisationRegistered; a consent may then name it.
        var opened = await caseManager.PostAsJsonAsync("/api/cases", Stack.NewCase("Rietberg"));
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var etag = opened.Headers.ETag!.Tag;
        async Task<JsonElement> CaseStep(string path, object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{caseId}{path}") { Content = JsonContent.Create(body) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            var response = await caseManager.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            etag = response.Headers.ETag?.Tag ?? etag;
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        await CaseStep("/consents", new
        {
            purpose = "Müttercafé", recipients = new[] { new { organisationId = partner } }, dataCategories = new[] { "identity" },
            form = "written", language = "de",
        });
        var referralId = (await CaseStep("/referrals", new { offerId, partnerOrganisationId = partner })).GetProperty("id").GetGuid();

        var inbox = await Eventually.GetAsync(() => staff.GetFromJsonAsync<JsonElement>("/api/partners/referrals"),
            page => page.GetProperty("total").GetInt32() > 0);
        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal(referralId, item.GetProperty("id").GetGuid());
        Assert.Equal("Ahmad", item.GetProperty("person").GetProperty("givenName").GetString());

        var otherStaff = Stack.Gateway(tenant, "awo-rietberg", "partner_staff");
        Assert.Equal(HttpStatusCode.NotFound, (await otherStaff.PostAsync($"/api/partners/referrals/{referralId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/partners/referrals/{referralId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/partners/referrals/{referralId}/complete", new { outcome = "Nimmt regelmäßig teil" })).StatusCode);

        var shown = await Eventually.GetAsync(
            async () => (await caseManager.GetFromJsonAsync<JsonElement>($"/api/cases/{caseId}")).GetProperty("referrals")[0],
            referral => referral.GetProperty("status").GetString() == "completed");
        Assert.Equal("completed", shown.GetProperty("status").GetString());
        Assert.Equal("Nimmt regelmäßig teil", shown.GetProperty("outcome").GetString());
        Assert.NotNull(shown.GetProperty("answeredAt").GetString());
    }
}
