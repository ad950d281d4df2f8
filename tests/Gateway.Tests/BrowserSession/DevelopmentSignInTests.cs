using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using KimPlatform.Gateway.BrowserSession;
using KimPlatform.Gateway.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KimPlatform.Gateway.Tests.BrowserSession;

/// <summary>Local mode: a developer picks tenant, organisation, user and roles and gets the same session as a sign-in.</summary>
public sealed partial class DevelopmentSignInTests
{
    [Fact]
    public async Task Page_IsAFormWithStrictCspAndEncodedValues()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var browser = new Browser();

        using var page = await browser.GetAsync(new Uri(gateway.Address, "/auth/dev?returnUrl=" + Uri.EscapeDataString("/x\"><script>alert(1)</script>")));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var csp = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        foreach (var field in new[] { "name=\"tenant\"", "name=\"organisation\"", "name=\"user\"", ">Anmelden</button>" })
        {
            Assert.Contains(field, html, StringComparison.Ordinal);
        }

        foreach (var role in new[] { "case_manager", "partner_staff", "coordinator", "tenant_admin" })
        {
            Assert.Contains($"name=\"roles\" value=\"{role}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SignIn_StartsSessionWithDevelopmentToken_AndRedirectsToReturnUrl()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var browser = new Browser();

        using var signedIn = await SignInAsync(browser, gateway, "/api/cases", withAntiforgery: true);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/api/cases", signedIn.Headers.Location!.ToString());
        using var me = await browser.SendOnceAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(gateway.Address, "/auth/me")));
        var caller = JsonDocument.Parse(await me.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("dev-anna", caller.GetProperty("user").GetString());
        Assert.Equal("kreis-guetersloh", caller.GetProperty("tenant").GetString());
        Assert.Equal("stadt-verl", caller.GetProperty("organisation").GetString());
        Assert.Equal(["case_manager", "coordinator"], caller.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        using var proxied = await browser.GetAsync(new Uri(gateway.Address, "/api/cases"));
        var bearer = new JsonWebToken((await EchoService.Echo.ReadAsync(proxied)).Header("Authorization")!["Bearer ".Length..]);
        Assert.Equal("kim-dev", bearer.Issuer);
        Assert.Equal("HS256", bearer.Alg);
        Assert.Contains("kim-platform", bearer.Audiences);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Returns400AndNoSession()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var browser = new Browser();

        using var refused = await SignInAsync(browser, gateway, "/", withAntiforgery: false);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null(browser.Cookie(gateway.Address, BrowserSessionOptions.CookieName));
    }

    [Fact]
    public async Task Login_InLocalMode_GoesToTheDevelopmentPage()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var client = gateway.CreateClient();

        using var response = await client.GetAsync("/auth/login?returnUrl=%2Fdocs");

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, GatewayHost.Errors);
        Assert.Equal("/auth/dev?returnUrl=%2Fdocs", response.Headers.Location!.ToString());
    }

    private static async Task<HttpResponseMessage> SignInAsync(Browser browser, GatewayHost gateway, string returnUrl, bool withAntiforgery)
    {
        using var page = await browser.GetAsync(new Uri(gateway.Address, "/auth/dev?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = AntiforgeryField().Match(html);
        var form = new List<KeyValuePair<string, string>>
        {
            new("returnUrl", returnUrl),
            new("tenant", "kreis-guetersloh"),
            new("organisation", "stadt-verl"),
            new("user", "dev-anna"),
            new("roles", "case_manager"),
            new("roles", "coordinator"),
        };
        if (withAntiforgery)
        {
            form.Add(new(antiforgery.Groups["name"].Value, WebUtility.HtmlDecode(antiforgery.Groups["value"].Value)));
        }

        return await browser.SendOnceAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Address, "/auth/dev"))
        {
            Content = new FormUrlEncodedContent(form),
        });
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>__RequestVerificationToken)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex AntiforgeryField();
}
