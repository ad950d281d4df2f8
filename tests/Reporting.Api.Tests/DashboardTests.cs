using System.Net;
using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Tests.Support;
using Microsoft.Playwright;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>The dashboard in headless Chromium: it renders its SVG charts under its strict policy, without a console error, and hides small counts.</summary>
[Collection(ReportingApiCollection.Name)]
public sealed class DashboardTests(ReportingApiFactory factory)
{
    // Chromium reaches the in-process service through this made-up origin: every request to it is answered by the test client.
    private const string Origin = "http://reporting.kim.test";

    [Fact]
    public async Task Dashboard_InHeadlessChromium_ShowsTheChartsWithoutConsoleErrors_AndFiltersThroughItsForm()
    {
        var tenant = factory.TenantsWithThresholdFive[3];
        var events = new List<IntegrationEvent>();
        foreach (var (municipality, count, phase) in new[] { ("Gütersloh", 9, "assessment"), ("Rietberg", 7, "intake"), ("Rheda-Wiedenbrück", 6, "intake"), ("Verl", 2, "intake") })
        {
            foreach (var _ in Enumerable.Range(0, count))
            {
                var @case = new CaseEvents(tenant, municipality, targetGroups: ["women", "families"]);
                events.Add(@case.Opened(CaseEvents.On(2026, 3, 2)));
                if (phase != "intake")
                {
                    events.Add(@case.MovedTo(phase, CaseEvents.On(2026, 3, 20)));
                }
            }
        }

        await factory.DeliverTogetherAsync([.. events]);
        var client = factory.CoordinatorOf(tenant);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--headless", "--no-sandbox", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);
        var outside = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            if (!route.Request.Url.StartsWith(Origin, StringComparison.Ordinal))
            {
                outside.Add(route.Request.Url);
                await route.AbortAsync();
                return;
            }

            using var response = await client.GetAsync(route.Request.Url[Origin.Length..]);
            await route.FulfillAsync(new()
            {
                Status = (int)response.StatusCode,
                Headers = response.Headers.Concat(response.Content.Headers).ToDictionary(header => header.Key, header => string.Join(", ", header.Value)),
                BodyBytes = await response.Content.ReadAsByteArrayAsync(),
            });
        });

        var first = await page.GotoAsync($"{Origin}/reports/dashboard?period=2026-03");

        Assert.Equal((int)HttpStatusCode.OK, first!.Status);
        Assert.Contains("default-src 'none'", await first.HeaderValueAsync("content-security-policy"), StringComparison.Ordinal);
        // New cases per month, open cases per phase, target group and municipality; no closures or events yet.
        Assert.Equal(4, await page.Locator("svg.chart").CountAsync());
        Assert.Equal(2, await page.Locator("p.empty").CountAsync());
        Assert.True(await page.Locator("svg.chart rect.bar").CountAsync() >= 4);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-2026-03.png"), FullPage = true });
        var text = await page.InnerTextAsync("body");
        Assert.Contains("KIM-Kennzahlen Mär 2026", text, StringComparison.Ordinal);
        Assert.Contains("Offene Fälle nach Phase", text, StringComparison.Ordinal);
        // Verl (2) is below 5, Rheda-Wiedenbrück (6) would be the total minus the others: both show as <5.
        Assert.Matches("Verl\\s*<5", text);
        Assert.Matches("Rheda-Wiedenbrück\\s*<5", text);
        Assert.Matches("Gütersloh\\s*9", text);

        await page.SelectOptionAsync("select[name=municipality]", "Rietberg");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**municipality=Rietberg**");

        Assert.Contains("KIM-Kennzahlen Mär 2026 – Rietberg", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-2026-03-rietberg.png"), FullPage = true });
        Assert.Empty(problems);
        Assert.Empty(outside);
    }
}
