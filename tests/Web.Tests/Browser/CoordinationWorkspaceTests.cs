using KimPlatform.Testing;
using Microsoft.Playwright;

namespace KimPlatform.Web.Tests.Browser;

public sealed class CoordinationWorkspaceTests(BrowserFixture fixture)
{
    [Fact(Timeout = 180_000)]
    public async Task Bodies_CoordinatorOpensWorkingGroupAndAcceptsPortalSignup_SignupBecomesMember()
    {
        var tenant = TestEnvironment.NewTenant();
        await using var coordinator = await Site.NewContextAsync(fixture.Browser);
        await Site.SignInAsync(coordinator, tenant, "ki-guetersloh", "co-lena", "coordinator");
        var page = await coordinator.NewPageAsync();

        await page.GotoAsync("/workspace/bodies");
        await page.GetByText("Gremium anlegen").ClickAsync();
        await page.Locator("#name").FillAsync("AK Wohnen");
        await page.GetByLabel("Art", new() { Exact = true }).SelectOptionAsync("working-group");
        await page.GetByLabel("Sitzungsrhythmus").FillAsync("monatlich");
        await page.GetByLabel("offen für Anmeldungen").CheckAsync();
        await Site.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "AK Wohnen" })).ToBeVisibleAsync();

        // Someone signs up in the portal.
        await using var visitor = await Site.NewContextAsync(fixture.Browser, javaScript: false);
        var portal = await visitor.NewPageAsync();
        await portal.GotoAsync($"/portal/{tenant}/groups?lang=de");
        await portal.GetByLabel("AK Wohnen").CheckAsync();
        await portal.Locator("#name").FillAsync("Hatice Yılmaz");
        await portal.Locator("#email").FillAsync("hatice@example.org");
        await portal.Locator("#consent").CheckAsync();
        await portal.Locator("form button[type=submit]").Last.ClickAsync();

        // The coordinator sees the sign-up under the group and accepts it: she is a member now.
        await page.GotoAsync("/workspace/bodies");
        var card = page.Locator("article.card", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "AK Wohnen" }) });
        await Assertions.Expect(card.GetByText("Hatice Yılmaz (hatice@example.org")).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(page);
        await card.GetByRole(AriaRole.Button, new() { Name = "Annehmen" }).ClickAsync();
        await Assertions.Expect(card.Locator("h3")).ToHaveCountAsync(0);
        await Assertions.Expect(card.Locator("li", new() { HasText = "Hatice Yılmaz" })).ToBeVisibleAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task ConsentTemplates_TenantAdminPublishesUkrainianVersion_ItIsShownAgain()
    {
        var tenant = TestEnvironment.NewTenant();
        await using var admin = await Site.NewContextAsync(fixture.Browser);
        await Site.SignInAsync(admin, tenant, "kreis-guetersloh", "ta-karl", "tenant_admin");
        var page = await admin.NewPageAsync();

        await page.GotoAsync("/workspace/consent-templates");
        await page.GetByLabel("Sprache der Person").SelectOptionAsync("uk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        Assert.Equal("uk", await page.Locator("form.stack").GetAttributeAsync("lang"));
        await page.Locator("#title").FillAsync("Згода на передачу даних");
        await page.Locator("#body").FillAsync("{organisation} передає {dataCategories} до {recipients} для {purpose}. Дійсно {validUntil}.");
        await page.Locator("#untilWithdrawn").FillAsync("до відкликання");
        await Site.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Neue Version veröffentlichen" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Gespeichert.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#title")).ToHaveValueAsync("Згода на передачу даних");
        await Assertions.Expect(page.Locator("#untilWithdrawn")).ToHaveValueAsync("до відкликання");
        await Site.AssertAccessibleAsync(page);
    }
}
