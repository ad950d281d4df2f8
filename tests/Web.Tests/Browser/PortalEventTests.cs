using KimPlatform.Testing;
using Microsoft.Playwright;

namespace KimPlatform.Web.Tests.Browser;

public sealed class PortalEventTests(BrowserFixture fixture)
{
    [Fact(Timeout = 180_000)]
    public async Task Newcomer_FindsCourseInArabicAndRegistersForFullWorldCafe_EndsOnWaitingList()
    {
        var tenant = TestEnvironment.NewTenant();
        var course = await PortalData.PublishLanguageCourseAsync(tenant);
        var cafe = (await PortalData.ScheduleWorldCafeAsync(tenant, capacity: 1)).GetProperty("id").GetGuid();
        await PortalData.RegisterAsync(tenant, cafe, "first@example.org");
        await using var context = await Site.NewContextAsync(fixture.Browser, locale: "ar");
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(412, 915);

        // She opens the county's portal, switches to Arabic and finds the language course with childcare.
        await page.GotoAsync($"/portal/{tenant}");
        await page.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();
        await page.GetByLabel("الموضوع").SelectOptionAsync("language");
        await page.GetByRole(AriaRole.Button, new() { Name = "ابحث" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "دورة اللغة الألمانية مع رعاية الأطفال" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Site.UrlLike($"**/offers/{course}"));
        await Assertions.Expect(page.GetByText("رعاية الأطفال").First).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(page);

        // Then the World Café: it is full, so she is told she will wait, and registers anyway.
        await page.GetByRole(AriaRole.Link, new() { Name = "الفعاليات" }).ClickAsync();
        await Site.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "World Café: Ankommen in Rietberg" }).ClickAsync();
        await Assertions.Expect(page.GetByText("مكتمل – ستُضاف إلى قائمة الانتظار").First).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(page);
        await page.GetByLabel("الاسم").FillAsync("Amina Haddad");
        await page.GetByLabel("البريد الإلكتروني").FillAsync("amina@example.org");
        await page.GetByLabel("ترجمة فورية إلى").SelectOptionAsync("ar");
        await page.GetByLabel("أحتاج إلى رعاية الأطفال").CheckAsync();
        await page.GetByLabel("أوافق على معالجة بياناتي").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "سجّل الآن" }).ClickAsync();

        var result = page.Locator("#registration-result");
        await Assertions.Expect(result).ToContainTextAsync("أنت في المرتبة 1 على قائمة الانتظار");
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        await Assertions.Expect(page.Locator($"a[href^='/api/events/{cafe}/calendar.ics']")).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(page);
        await page.ScreenshotAsync(new() { Path = Site.ScreenshotPath("portal-ar-waitlist.png"), FullPage = true });
    }

    [Fact(Timeout = 180_000)]
    public async Task Registration_WithoutJavaScript_ConfirmsThenTakesFeedbackAndCancellation()
    {
        var tenant = TestEnvironment.NewTenant();
        var cafe = (await PortalData.ScheduleWorldCafeAsync(tenant, capacity: 5)).GetProperty("id").GetGuid();
        await using var context = await Site.NewContextAsync(fixture.Browser, javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/portal/{tenant}/events/{cafe}?lang=de");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verbindlich anmelden" }).ClickAsync();
        // Nothing filled in: the service's field errors stand next to their fields and are announced.
        await Assertions.Expect(page.Locator("#name-error[role=alert]")).ToBeVisibleAsync();
        Assert.Equal("name-error", await page.Locator("#name").GetAttributeAsync("aria-describedby"));

        await page.GetByLabel("Name").FillAsync("Olena Kovalenko");
        await page.GetByLabel("E-Mail").FillAsync("olena@example.org");
        await page.GetByLabel("Tisch 1: Arbeit").CheckAsync();
        await page.GetByLabel("Ich stimme der Verarbeitung meiner Angaben zu").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verbindlich anmelden" }).ClickAsync();
        await Assertions.Expect(page.Locator("#registration-result")).ToContainTextAsync("Sie sind angemeldet");
        var resultUrl = page.Url;

        await page.GetByRole(AriaRole.Link, new() { Name = "Rückmeldung nach der Veranstaltung geben" }).ClickAsync();
        await page.GetByLabel("5 – sehr gut").CheckAsync();
        await page.GetByLabel("Was war gut?").FillAsync("Die Tische in mehreren Sprachen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Absenden" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Danke für Ihre Rückmeldung!")).ToBeVisibleAsync();

        await page.GotoAsync(resultUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Anmeldung absagen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ja, absagen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Ihre Anmeldung ist abgesagt.")).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(fixture.Browser, page.Url);
    }

    [Fact(Timeout = 180_000)]
    public async Task Registration_ByKeyboardAlone_Succeeds()
    {
        var tenant = TestEnvironment.NewTenant();
        var cafe = (await PortalData.ScheduleWorldCafeAsync(tenant, capacity: 5)).GetProperty("id").GetGuid();
        await using var context = await Site.NewContextAsync(fixture.Browser);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/portal/{tenant}/events/{cafe}?lang=en");

        await Keyboard.TabToAsync(page, "#name");
        await page.Keyboard.TypeAsync("Ahmad Haidari");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("ahmad@example.org");
        await Keyboard.TabToAsync(page, "#processingConsent");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.type === 'submit'"), "The submit button follows the consent in the focus order.");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#registration-result")).ToContainTextAsync("You are registered.");
    }

    [Fact(Timeout = 180_000)]
    public async Task WorkingGroups_SignUpWithoutJavaScript_IsThanked()
    {
        var tenant = TestEnvironment.NewTenant();
        await PortalData.OpenWorkingGroupAsync(tenant, "AG Sprache und Bildung");
        await using var context = await Site.NewContextAsync(fixture.Browser, javaScript: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/portal/{tenant}/groups?lang=uk");
        await page.GetByLabel("AG Sprache und Bildung").CheckAsync();
        await page.GetByLabel("Імʼя").FillAsync("Iryna Melnyk");
        await page.GetByLabel("Електронна пошта").FillAsync("iryna@example.org");
        await page.GetByLabel("Я погоджуюся, щоб координація звʼязалася зі мною щодо цих груп").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Долучитися" }).ClickAsync();

        await Assertions.Expect(page.GetByText("Дякуємо! Координація звʼяжеться з вами.")).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(fixture.Browser, page.Url);
    }
}
