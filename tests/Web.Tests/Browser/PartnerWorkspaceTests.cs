using System.Net.Http.Json;
using KimPlatform.Testing;
using Microsoft.Playwright;

namespace KimPlatform.Web.Tests.Browser;

public sealed class PartnerWorkspaceTests(BrowserFixture fixture)
{
    [Fact(Timeout = 180_000)]
    public async Task OfferEditor_GermanAndUkrainianTabs_SavesBothAndPortalShowsUkrainian()
    {
        var tenant = TestEnvironment.NewTenant();
        await PortalData.RegisterOrganisationAsync(tenant, "caritas-guetersloh");
        await using var partner = await Site.NewContextAsync(fixture.Browser);
        await Site.SignInAsync(partner, tenant, "caritas-guetersloh", "ps-ben", "partner_staff");
        var page = await partner.NewPageAsync();

        await page.GotoAsync("/workspace/offers/new");
        await Site.AssertAccessibleAsync(page);
        // Saving without a German title: the error stands next to the field, and what was typed stays.
        await page.Locator("#topics").FillAsync("language");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("#title-de-error[role=alert]")).ToBeVisibleAsync();
        Assert.Equal("language", await page.Locator("#topics").InputValueAsync());
        await Site.AssertAccessibleAsync(page);

        await page.Locator("#title-de").FillAsync("Frauencafé mit Deutschübung");
        await page.Locator("#description-de").FillAsync("Jeden Dienstag, mit Kinderbetreuung.");
        await page.Locator("#languages").FillAsync("de, uk");
        await page.Locator("#municipalities").FillAsync("Rietberg");
        // The Ukrainian tab: the German text stays in the form while its panel is hidden.
        await page.GetByRole(AriaRole.Link, new() { Name = "Українська" }).ClickAsync();
        await Assertions.Expect(page.Locator("#title-de")).ToBeHiddenAsync();
        await page.Locator("#title-uk").FillAsync("Жіноче кафе з німецькою мовою");
        await page.Locator("#description-uk").FillAsync("Щовівторка, з доглядом за дітьми.");
        await Site.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Gespeichert.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#title-de")).ToHaveValueAsync("Frauencafé mit Deutschübung");
        await page.GetByRole(AriaRole.Link, new() { Name = "Українська" }).ClickAsync();
        await Assertions.Expect(page.Locator("#title-uk")).ToHaveValueAsync("Жіноче кафе з німецькою мовою");

        // The portal's directory shows the Ukrainian text to a Ukrainian reader, not marked as German.
        await using var visitor = await Site.NewContextAsync(fixture.Browser);
        var portal = await visitor.NewPageAsync();
        await portal.GotoAsync($"/portal/{tenant}?lang=uk");
        var title = portal.GetByRole(AriaRole.Link, new() { Name = "Жіноче кафе з німецькою мовою" });
        await Assertions.Expect(title).ToBeVisibleAsync();
        await title.ClickAsync();
        await Assertions.Expect(portal.GetByText("Щовівторка, з доглядом за дітьми.")).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(portal);
    }

    [Fact(Timeout = 240_000)]
    public async Task Volunteers_EnlistedInPool_AreMatchedToAnAcceptedReferral()
    {
        var tenant = TestEnvironment.NewTenant();
        const string initiative = "ehrenamt-rietberg";
        await PortalData.RegisterOrganisationAsync(tenant, initiative, kind: "volunteer-initiative");
        var offer = await PortalData.PublishOfferAsync(tenant, initiative,
            new Dictionary<string, string> { ["de"] = "Patenschaften für Familien" }, new Dictionary<string, string> { ["de"] = "Begleitung im Alltag." },
            ["mentoring"], ["de", "uk"]);
        var referral = await PortalData.RequestReferralAsync(tenant, offer, initiative, "Olena", "Kovalenko");
        await using var partner = await Site.NewContextAsync(fixture.Browser);
        await Site.SignInAsync(partner, tenant, initiative, "ps-mia", "partner_staff");
        var page = await partner.NewPageAsync();

        // A volunteer joins the pool.
        await page.GotoAsync("/workspace/volunteers");
        await page.GetByText("Ehrenamtliche Person aufnehmen").ClickAsync();
        await page.Locator("#name").FillAsync("Petra Schulte");
        await page.Locator("#email").FillAsync("petra@example.org");
        await page.Locator("#languages").FillAsync("de, uk");
        await page.Locator("#skills").FillAsync("Behördengänge");
        await page.Locator("#municipalities").FillAsync("Rietberg");
        await page.GetByLabel("Einverstanden, kontaktiert zu werden").CheckAsync();
        await Site.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Petra Schulte" })).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(page);

        // The accepted referral is matched to her in the inbox.
        using var staff = Site.Api(tenant, initiative, "partner_staff");
        await Eventually.GetAsync(async () => (int)(await staff.PostAsJsonAsync($"/api/partners/referrals/{referral}/accept", new { })).StatusCode,
            status => status == 200);
        await page.GotoAsync("/workspace/inbox");
        await page.GetByLabel("Ehrenamtliche/r").SelectOptionAsync(new SelectOptionValue { Label = "Petra Schulte (de, uk)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Vermitteln" }).ClickAsync();
        await Assertions.Expect(page.Locator(".referral .matched")).ToHaveTextAsync("Vermittelt an Petra Schulte");
        await Site.AssertAccessibleAsync(page);
        var stored = await Site.JsonAsync(await staff.GetAsync("/api/partners/referrals"));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, stored.GetProperty("items")[0].GetProperty("matchedVolunteerId").ValueKind);
    }
}
