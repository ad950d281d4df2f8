using System.Net;
using System.Text.Json;
using KimPlatform.Testing;
using Microsoft.Playwright;

namespace KimPlatform.Web.Tests.Browser;

/// <summary>The case's record and the person's rights in the workspace: the audit view, the export and the erasure.</summary>
public sealed class CaseRecordTests(BrowserFixture fixture)
{
    [Fact(Timeout = 180_000)]
    public async Task AuditAndExport_AfterTheCaseWasRead_ShowTheReadAndDownloadEverythingHeld()
    {
        var tenant = TestEnvironment.NewTenant();
        using var api = Site.Api(tenant, "stadt-rietberg", "case_manager");
        var id = (await PortalData.OpenCaseAsync(api, "Yusuf", "Demir")).GetProperty("id").GetGuid();
        await using var context = await Site.NewContextAsync(fixture.Browser);
        await Site.SignInAsync(context, tenant, "stadt-rietberg", "cm-anna", "case_manager");
        var page = await context.NewPageAsync();

        await page.GotoAsync($"/workspace/cases/{id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Protokoll" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Site.UrlLike($"**/workspace/cases/{id}/audit"));
        var anna = page.Locator("tbody tr", new() { HasText = "cm-anna" });
        await Assertions.Expect(anna.First).ToBeVisibleAsync();
        await Assertions.Expect(anna.First).ToContainTextAsync("stadt-rietberg");
        await Site.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Zurück zum Fall" }).ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Auskunft (Art. 15 DSGVO)" }).ClickAsync());
        Assert.Equal($"case-{id}.json", download.SuggestedFilename);
        var path = await download.PathAsync();
        using var export = JsonDocument.Parse(await File.ReadAllTextAsync(path!));
        var text = export.RootElement.GetRawText();
        Assert.Contains("Yusuf", text, StringComparison.Ordinal);
        Assert.Contains("Demir", text, StringComparison.Ordinal);
        Assert.Contains("cm-anna", text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 180_000)]
    public async Task Erase_ByKeyboardAlone_NeedsTheExplicitConfirmationThenTheCaseIsGone()
    {
        var tenant = TestEnvironment.NewTenant();
        using var api = Site.Api(tenant, "stadt-rietberg", "case_manager");
        var id = (await PortalData.OpenCaseAsync(api, "Mariam", "Rahimi")).GetProperty("id").GetGuid();
        await using var context = await Site.NewContextAsync(fixture.Browser);
        await Site.SignInAsync(context, tenant, "stadt-rietberg", "cm-anna", "case_manager");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/workspace/cases/{id}");

        await Keyboard.TabToAsync(page, $"a[href='/workspace/cases/{id}/erase']");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(Site.UrlLike($"**/workspace/cases/{id}/erase"));
        await Assertions.Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(page);

        // The button alone erases nothing: the missing confirmation is announced next to the box.
        await Keyboard.TabToAsync(page, "button.danger");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#confirm-error[role=alert]")).ToBeVisibleAsync();
        Assert.Equal("confirm-error", await page.Locator("#confirm").GetAttributeAsync("aria-describedby"));
        await Site.AssertAccessibleAsync(page);
        Assert.Contains("Mariam", (await Site.JsonAsync(await api.GetAsync($"/api/cases/{id}"))).GetRawText(), StringComparison.Ordinal);

        await Keyboard.TabToAsync(page, "#confirm");
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement?.matches('button.danger') ?? false"), "The erase button follows the confirmation.");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByText("Die personenbezogenen Daten sind gelöscht.")).ToBeVisibleAsync();
        await Site.AssertAccessibleAsync(page);

        // Gone: the case list finds no one of that name, and the case holds no personal data any more.
        await page.GotoAsync("/workspace/cases?q=Rahimi");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("Rahimi");
        using var response = await api.GetAsync($"/api/cases/{id}");
        var remaining = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.OK, $"{(int)response.StatusCode}");
        Assert.DoesNotContain("Mariam", remaining, StringComparison.Ordinal);
        Assert.DoesNotContain("Rahimi", remaining, StringComparison.Ordinal);
    }
}
