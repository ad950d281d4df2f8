using KimPlatform.Testing;
using Microsoft.Playwright;

namespace KimPlatform.Web.Tests.Browser;

public sealed class OfferDirectoryTests(BrowserFixture fixture)
{
    [Fact(Timeout = 180_000)]
    public async Task Directory_InArabic_IsRightToLeftAndMarksGermanFallbacks()
    {
        var tenant = TestEnvironment.NewTenant();
        var course = await PortalData.PublishLanguageCourseAsync(tenant);
        await PortalData.PublishOfferAsync(tenant, "awo-guetersloh",
            new Dictionary<string, string> { ["de"] = "Sprachcafé am Abend" }, new Dictionary<string, string> { ["de"] = "Deutsch sprechen bei Tee." },
            ["language"], ["de"]);
        await using var context = await Site.NewContextAsync(fixture.Browser);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/portal/{tenant}");
        await page.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();

        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("ar", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "دورة اللغة الألمانية مع رعاية الأطفال" })).ToBeVisibleAsync();
        var fallback = page.Locator("[lang=de]", new() { HasText = "Sprachcafé am Abend" });
        await Assertions.Expect(fallback).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("بالألمانية فقط")).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(page);

        // The language is remembered: the offer page opens in Arabic without asking again.
        await page.GetByRole(AriaRole.Link, new() { Name = "دورة اللغة الألمانية مع رعاية الأطفال" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Site.UrlLike($"**/offers/{course}"));
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await Assertions.Expect(page.Locator("a[href^='geo:51.8049,8.4276']")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("الثلاثاء")).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(page);
    }

    [Fact(Timeout = 180_000)]
    public async Task Directory_SearchAndTopicFilter_ShowOnlyMatchingOffers()
    {
        var tenant = TestEnvironment.NewTenant();
        await PortalData.PublishLanguageCourseAsync(tenant);
        await PortalData.PublishOfferAsync(tenant, "jobcenter-guetersloh",
            new Dictionary<string, string> { ["de"] = "Bewerbungstraining" }, new Dictionary<string, string> { ["de"] = "Lebenslauf und Vorstellungsgespräch." },
            ["work"], ["de"]);
        await using var context = await Site.NewContextAsync(fixture.Browser, javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/portal/{tenant}?lang=de");
        await page.GetByLabel("Thema").SelectOptionAsync("work");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bewerbungstraining" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Deutschkurs mit Kinderbetreuung" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Suche" }).FillAsync("Kinderbetreuung");
        await page.GetByLabel("Thema").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Deutschkurs mit Kinderbetreuung" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Bewerbungstraining" })).ToHaveCountAsync(0);
    }
}
