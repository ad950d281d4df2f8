using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using KimPlatform.Testing;
using Microsoft.Playwright;

namespace KimPlatform.Web.Tests.Browser;

/// <summary>The running stack as a browser sees it: pages through the gateway, sign-in, and the accessibility check.</summary>
internal static class Site
{
    public static Uri Gateway => TestEnvironment.Gateway;

    /// <summary>
    /// A URL pattern with <c>*</c> for any characters, for <c>Expect(page).ToHaveURLAsync</c>: it polls the address only,
    /// whereas <c>WaitForURLAsync</c> also waits for a load event, which Blazor's enhanced navigation (a patched page and
    /// a pushed address) does not raise; the erase test timed out on that in CI. What follows waits for its element.
    /// </summary>
    public static Regex UrlLike(string pattern) =>
        new("^.*" + string.Join(".*", pattern.Split('*', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)) + (pattern.EndsWith('*') ? ".*$" : @"(\?.*)?$"));


    public static string Url(string path) => new Uri(Gateway, path).ToString();

    public static Task<IBrowserContext> NewContextAsync(IBrowser browser, bool javaScript = true, string? locale = null) =>
        browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Gateway.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = locale ?? "de-DE",
            ViewportSize = new ViewportSize { Width = 1024, Height = 900 },
        });

    /// <summary>
    /// Signs the browser in as a user of <paramref name="tenant"/>. With the gateway's development sign-in form
    /// (<c>/auth/dev</c>) it fills that in; without it, it sends the bearer token the gateway would attach. The one
    /// place that knows how a browser signs in.
    /// </summary>
    public static async Task SignInAsync(IBrowserContext context, string tenant, string organisation, string user, params string[] roles)
    {
        if (await HasDevSignInAsync())
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync($"/auth/dev?returnUrl={Uri.EscapeDataString("/workspace")}");
            await page.FillAsync("[name=tenant]", tenant);
            await page.FillAsync("[name=organisation]", organisation);
            await page.FillAsync("[name=user]", user);
            foreach (var role in roles)
            {
                await page.CheckAsync($"[name=roles][value={role}]");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
            await page.WaitForURLAsync("**/workspace**");
            await page.CloseAsync();
            return;
        }

        var token = DevTokens.Create(TestEnvironment.StackSigningKey, tenant, organisation, roles);
        await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" });
    }

    private static bool? devSignIn;

    private static async Task<bool> HasDevSignInAsync()
    {
        if (devSignIn is null)
        {
            using var http = new HttpClient { BaseAddress = Gateway };
            using var response = await http.GetAsync("/auth/dev?returnUrl=%2Fworkspace");
            devSignIn = response.IsSuccessStatusCode
                && response.Content.Headers.ContentType?.MediaType == "text/html";
        }

        return devSignIn.Value;
    }

    /// <summary>axe-core over the whole page: no serious or critical violation. The findings go to the test output.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var grave = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var summary = string.Join("; ", result.Violations.Select(v => $"{v.Impact} {v.Id} ({v.Nodes.Length}: {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))})"));
        AccessibilityLog.Record(page.Url, result.Violations.Length, grave.Count, summary);
        Assert.True(grave.Count == 0, $"axe on {page.Url}: {summary}");
    }

    /// <summary>axe needs script: a page seen with JavaScript off is checked again in a context with it.</summary>
    public static async Task AssertAccessibleAsync(IBrowser browser, string url)
    {
        await using var context = await NewContextAsync(browser);
        var page = await context.NewPageAsync();
        await page.GotoAsync(url);
        await AssertAccessibleAsync(page);
    }

    /// <summary>A client of the gateway's API for setting up test data, with a development token.</summary>
    public static HttpClient Api(string? tenant = null, string organisation = "ki-guetersloh", params string[] roles)
    {
        var client = new HttpClient { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(30) };
        if (tenant is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Bearer", DevTokens.Create(TestEnvironment.StackSigningKey, tenant, organisation, roles));
        }

        return client;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Where a screenshot goes: the test output normally, and the repository's docs/screenshots folder (the README's
    /// pictures) only when <c>KIM_UPDATE_SCREENSHOTS=1</c>, so that a test run leaves the working tree clean.
    /// </summary>
    public static string ScreenshotPath(string name)
    {
        if (Environment.GetEnvironmentVariable("KIM_UPDATE_SCREENSHOTS") != "1")
        {
            var output = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(output);
            return Path.Combine(output, name);
        }

        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KimPlatform.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}

/// <summary>What axe found on each page, written to the test output and to .kim/…/accessibility.txt for the report.</summary>
internal static class AccessibilityLog
{
    private static readonly Lock Gate = new();

    public static void Record(string url, int violations, int grave, string summary)
    {
        var line = $"{DateTimeOffset.UtcNow:HH:mm:ss} {new Uri(url).PathAndQuery} violations={violations} serious+critical={grave} {summary}";
        TestContext.Current.TestOutputHelper?.WriteLine("axe: " + line);
        lock (Gate)
        {
            File.AppendAllText(Path.Combine(Path.GetTempPath(), "kim-web-accessibility.txt"), line + Environment.NewLine);
        }
    }
}
