using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Testing;
using Microsoft.Playwright;

namespace KimPlatform.Web.Tests.Browser;

public sealed class WorkspaceTests(BrowserFixture fixture)
{
    [Fact(Timeout = 240_000)]
    public async Task CaseManagerIntake_ConsentInUkrainianAndReferral_PartnerAcceptsAndCaseShowsIt()
    {
        var tenant = TestEnvironment.NewTenant();
        await PortalData.PublishLanguageCourseAsync(tenant);
        await using var caseManager = await Site.NewContextAsync(fixture.Browser);
        await Site.SignInAsync(caseManager, tenant, "stadt-rietberg", "cm-anna", "case_manager");
        var page = await caseManager.NewPageAsync();

        // Intake starts with the duplicate check.
        await page.GotoAsync("/workspace/cases/intake");
        await page.GetByLabel("Vorname").FillAsync("Olena");
        await page.GetByLabel("Nachname").FillAsync("Kovalenko");
        await page.GetByLabel("Geburtsdatum").FillAsync("1988-04-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen" }).ClickAsync();
        await Assertions.Expect(page.Locator("#duplicate-result")).ToContainTextAsync("Keine laufende Fallbegleitung");
        await Site.AssertAccessibleAsync(page);
        await page.GetByLabel("Kommune").FillAsync("Rietberg");
        await page.GetByLabel("Aufenthaltsstatus").SelectOptionAsync("temporary-protection");
        await page.Locator("#lang-uk").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Fall anlegen" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Site.UrlLike("**/workspace/cases/*-*"));
        var caseUrl = page.Url;
        await Assertions.Expect(page.Locator("ol.steps li[aria-current=step]")).ToHaveTextAsync("Erstberatung");

        // Her consent, in Ukrainian, for Caritas; the receipt is in Ukrainian too.
        await page.GetByText("Einwilligung erfassen").ClickAsync();
        await page.GetByLabel("Zweck").FillAsync("Deutschkurs mit Kinderbetreuung");
        await page.GetByLabel("Empfänger (Organisation)").SelectOptionAsync("caritas-guetersloh");
        Assert.Equal("uk", await page.GetByLabel("Sprache der Person").InputValueAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Einwilligung speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Gespeichert.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Bestätigung zum Ausdrucken" }).ClickAsync();
        Assert.Equal("uk", await page.Locator("article.receipt").GetAttributeAsync("lang"));
        await page.GotoAsync(caseUrl);

        // The referral to the course goes out.
        await page.GetByText("Zuweisen", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Zuweisung senden" }).ClickAsync();
        await Assertions.Expect(page.Locator("#referrals")).ToContainTextAsync("angefragt");
        await Site.AssertAccessibleAsync(page);

        // Caritas accepts it in the inbox once it has crossed the broker.
        await using var partner = await Site.NewContextAsync(fixture.Browser);
        await Site.SignInAsync(partner, tenant, "caritas-guetersloh", "ps-ben", "partner_staff");
        var inbox = await partner.NewPageAsync();
        var accept = inbox.GetByRole(AriaRole.Button, new() { Name = "Zuweisung für Olena Kovalenko annehmen" });
        await Eventually.GetAsync(async () => { await inbox.GotoAsync("/workspace/inbox"); return await accept.CountAsync(); }, count => count == 1);
        await Site.AssertAccessibleAsync(inbox);
        await inbox.ScreenshotAsync(new() { Path = Site.ScreenshotPath("workspace-inbox.png"), FullPage = true });
        await accept.ClickAsync();
        await Assertions.Expect(inbox.Locator(".referral .status")).ToHaveTextAsync("angenommen");

        // The case page shows the referral accepted.
        await Eventually.GetAsync(async () => { await page.GotoAsync(caseUrl); return await page.Locator("#referrals").InnerTextAsync(); },
            text => text.Contains("angenommen", StringComparison.Ordinal));
        await page.ScreenshotAsync(new() { Path = Site.ScreenshotPath("workspace-case.png"), FullPage = true });
    }

    [Fact(Timeout = 180_000)]
    public async Task SaveCase_AfterAnotherUserChangedIt_ShowsConflictAndOverwritesNothing()
    {
        var tenant = TestEnvironment.NewTenant();
        using var api = Site.Api(tenant, "stadt-rietberg", "case_manager");
        var opened = await Site.JsonAsync(await api.PostAsJsonAsync("/api/cases", new
        {
            person = new { givenName = "Ahmad", familyName = "Haidari", birthDate = "1999-07-01", languages = new[] { "fa" }, residenceStatus = "asylum-seeker", municipality = "Verl" },
            targetGroups = new[] { "young-adults" }, reachability = "low",
        }));
        var caseUrl = $"/workspace/cases/{opened.GetProperty("id").GetGuid()}";
        await using var first = await Site.NewContextAsync(fixture.Browser);
        await Site.SignInAsync(first, tenant, "stadt-rietberg", "cm-anna", "case_manager");
        await using var second = await Site.NewContextAsync(fixture.Browser);
        await Site.SignInAsync(second, tenant, "stadt-rietberg", "cm-jonas", "case_manager");
        var mine = await first.NewPageAsync();
        var theirs = await second.NewPageAsync();
        await mine.GotoAsync(caseUrl);
        await theirs.GotoAsync(caseUrl);

        await LogContactAsync(theirs, "Telefonat mit der Ausländerbehörde");
        await Assertions.Expect(theirs.GetByText("Gespeichert.")).ToBeVisibleAsync();
        await LogContactAsync(mine, "Termin beim Jobcenter vereinbart");

        await Assertions.Expect(mine.Locator("#conflict[role=alert]")).ToContainTextAsync("Zwischenzeitlich von jemand anderem geändert");
        await Assertions.Expect(mine.Locator("#conflict blockquote")).ToContainTextAsync("Termin beim Jobcenter vereinbart");
        await Site.AssertAccessibleAsync(mine);
        var stored = await Site.JsonAsync(await api.GetAsync($"/api/cases/{opened.GetProperty("id").GetGuid()}"));
        var notes = stored.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("note").GetString()).ToList();
        Assert.Equal(["Telefonat mit der Ausländerbehörde"], notes);

        await mine.GetByRole(AriaRole.Link, new() { Name = "Neu laden" }).ClickAsync();
        await Assertions.Expect(mine.GetByText("Telefonat mit der Ausländerbehörde")).ToBeVisibleAsync();
    }

    [Fact(Timeout = 180_000)]
    public async Task Coordinator_ChecksInThreeParticipantsOnATablet_AttendanceIsRecorded()
    {
        var tenant = TestEnvironment.NewTenant();
        var cafe = (await PortalData.ScheduleWorldCafeAsync(tenant, capacity: 10, title: "World Café Verl")).GetProperty("id").GetGuid();
        foreach (var email in new[] { "a@example.org", "b@example.org", "c@example.org", "d@example.org" })
        {
            await PortalData.RegisterAsync(tenant, cafe, email, email[..1].ToUpperInvariant() + " Teilnehmerin");
        }

        await using var coordinator = await Site.NewContextAsync(fixture.Browser);
        await Site.SignInAsync(coordinator, tenant, "ki-guetersloh", "co-lena", "coordinator");
        var page = await coordinator.NewPageAsync();
        await page.SetViewportSizeAsync(1024, 768);
        await page.GotoAsync($"/workspace/events/{cafe}/checkin");
        await Site.AssertAccessibleAsync(page);

        foreach (var name in new[] { "A Teilnehmerin", "B Teilnehmerin", "C Teilnehmerin" })
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"{name} einchecken" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"{name} einchecken" })).ToHaveCountAsync(0);
        }

        await Assertions.Expect(page.Locator("#checkin-count")).ToHaveTextAsync("3 von 4 angemeldeten Personen sind da.");
        await page.ScreenshotAsync(new() { Path = Site.ScreenshotPath("workspace-checkin.png") });

        // The attendance is the events service's record, which the reports count.
        using var api = Site.Api(tenant, "ki-guetersloh", "coordinator");
        var participants = await Site.JsonAsync(await api.GetAsync($"/api/events/{cafe}/registrations"));
        Assert.Equal(3, participants.GetProperty("items").EnumerateArray().Count(p => p.GetProperty("checkedInAt").ValueKind != JsonValueKind.Null));
        await page.GotoAsync($"/workspace/events/{cafe}");
        await Site.AssertAccessibleAsync(page);
    }

    private static async Task LogContactAsync(IPage page, string note)
    {
        await page.GetByText("Kontakt eintragen").ClickAsync();
        await page.Locator("#contactNote").FillAsync(note);
        await page.Locator("form:has(#contactNote) button[type=submit]").ClickAsync();
    }
}
