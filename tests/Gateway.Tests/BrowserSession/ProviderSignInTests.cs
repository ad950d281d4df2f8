using System.Net;
using System.Text.Json;
using KimPlatform.Gateway.BrowserSession;
using KimPlatform.Gateway.Tests.Identity;
using KimPlatform.Gateway.Tests.Support;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KimPlatform.Gateway.Tests.BrowserSession;

/// <summary>
/// The gateway as the browser's backend against a real OpenID Connect provider: authorization code with PKCE, the
/// tokens kept on the server, a session cookie that becomes the bearer token downstream, anti-forgery for writes
/// and sign-out.
/// </summary>
public sealed class ProviderSignInTests
{
    [Fact]
    public async Task Login_RoundTripWithPkce_SessionCookieBecomesBearerDownstream()
    {
        await using var setup = await Setup.StartAsync();
        using var browser = new Browser();

        using var landed = await setup.SignInAsync(browser, "anna", "/api/cases?page=1");

        // The provider requires PKCE (pkce.required in idp/server.mjs): without a code challenge and verifier there is
        // no code and no session. The request itself went by PAR, so the browser only saw a request_uri.
        var authorize = browser.Visited.First(address => address.AbsolutePath == "/auth" && address.Authority == new Uri(setup.Provider.Issuer).Authority);
        Assert.Contains("request_uri=", authorize.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("code_verifier", authorize.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        var echo = await EchoService.Echo.ReadAsync(landed);
        Assert.Equal("/api/cases", echo.Path);
        var bearer = new JsonWebToken(echo.Header("Authorization")!["Bearer ".Length..]);
        Assert.Equal(setup.Provider.Issuer, bearer.Issuer);
        Assert.Equal("anna", bearer.Subject);
        // The service gets the bearer token, not the session cookie.
        Assert.DoesNotContain(BrowserSessionOptions.CookieName, echo.Header("Cookie") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_SessionCookie_IsHostOnlyHttpOnlySecureLaxAndHoldsNoToken()
    {
        await using var setup = await Setup.StartAsync();
        using var browser = new Browser();

        using var landed = await setup.SignInAsync(browser, "anna", "/");

        var line = browser.SetCookieLines.Single(cookie => cookie.StartsWith(BrowserSessionOptions.CookieName + "=", StringComparison.Ordinal));
        var attributes = line.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(part => part.ToLowerInvariant()).ToList();
        Assert.Contains("httponly", attributes);
        Assert.Contains("secure", attributes);
        Assert.Contains("samesite=lax", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, attribute => attribute.StartsWith("domain=", StringComparison.Ordinal));
        // Only a key into the server-side store: short, and no JWT in it.
        var value = browser.Cookie(setup.Gateway.Address, BrowserSessionOptions.CookieName)!;
        Assert.True(value.Length < 600, $"session cookie of {value.Length} characters");
        Assert.DoesNotContain("eyJ", value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_WithSession_ShowsMappedClaimsAndCsrfToken()
    {
        await using var setup = await Setup.StartAsync();
        using var browser = new Browser();
        using var landed = await setup.SignInAsync(browser, "anna", "/");

        var me = await setup.MeAsync(browser);

        Assert.Equal("anna", me.GetProperty("user").GetString());
        Assert.Equal(OidcProvider.Tenant, me.GetProperty("tenant").GetString());
        Assert.Equal("caritas-guetersloh", me.GetProperty("organisation").GetString());
        Assert.Equal(["case_manager"], me.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.False(string.IsNullOrEmpty(me.GetProperty("csrfToken").GetString()));
    }

    [Fact]
    public async Task CookieAuthenticatedPost_WithoutCsrfHeader_Returns403_WithIt_IsProxied()
    {
        await using var setup = await Setup.StartAsync();
        using var browser = new Browser();
        using var landed = await setup.SignInAsync(browser, "anna", "/");
        var csrf = (await setup.MeAsync(browser)).GetProperty("csrfToken").GetString()!;

        using var refused = await browser.SendOnceAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(setup.Gateway.Address, "/api/cases"))
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        });
        using var wrong = await browser.SendOnceAsync(WithCsrf(HttpMethod.Delete, new Uri(setup.Gateway.Address, "/api/cases/1"), "0000"));
        using var accepted = await browser.SendOnceAsync(WithCsrf(HttpMethod.Post, new Uri(setup.Gateway.Address, "/api/cases"), csrf));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var echo = await EchoService.Echo.ReadAsync(accepted);
        Assert.Equal("POST", echo.Method);
        Assert.Null(echo.Header(BrowserSessionOptions.CsrfHeader));
        Assert.Equal(csrf, echo.Header(BrowserSessionOptions.CsrfForwardHeader));
    }

    [Fact]
    public async Task BearerPost_NeedsNoCsrfHeader()
    {
        await using var setup = await Setup.StartAsync();
        using var client = setup.Gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await setup.Provider.MachineTokenAsync());

        using var response = await client.PostAsync("/api/cases", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Logout_WithCsrf_EndsTheSession_WithoutIt_Returns403()
    {
        await using var setup = await Setup.StartAsync();
        using var browser = new Browser();
        using var landed = await setup.SignInAsync(browser, "anna", "/");
        var csrf = (await setup.MeAsync(browser)).GetProperty("csrfToken").GetString()!;
        var sessionCookie = browser.Cookie(setup.Gateway.Address, BrowserSessionOptions.CookieName)!;
        var logout = new Uri(setup.Gateway.Address, "/auth/logout");

        using var refused = await browser.SendOnceAsync(new HttpRequestMessage(HttpMethod.Post, logout));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendOnceAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(setup.Gateway.Address, "/auth/me")))).StatusCode);

        using var signedOut = await browser.SendOnceAsync(new HttpRequestMessage(HttpMethod.Post, logout)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { [BrowserSessionOptions.CsrfFormField] = csrf }),
        });

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        // On to the provider's end-session endpoint, which sends the browser back to "/".
        Assert.StartsWith(setup.Provider.Issuer, signedOut.Headers.Location!.ToString(), StringComparison.Ordinal);
        // The old cookie value no longer opens anything: the session is gone from the server.
        using var replay = setup.Gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/auth/me");
        request.Headers.Add("Cookie", $"{BrowserSessionOptions.CookieName}={sessionCookie}");
        using var me = await replay.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Login_ForeignReturnUrl_Returns400(string returnUrl)
    {
        await using var setup = await Setup.StartAsync();
        using var client = setup.Gateway.CreateClient();

        using var response = await client.GetAsync($"/auth/login?returnUrl={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task ExpiringAccessToken_IsRefreshedWithTheRefreshToken()
    {
        // Access tokens live 10 seconds, and the gateway refreshes when less than 30 are left: every call refreshes.
        await using var setup = await Setup.StartAsync(accessTokenTtl: 10);
        using var browser = new Browser();
        using var landed = await setup.SignInAsync(browser, "anna", "/api/cases");
        var first = (await EchoService.Echo.ReadAsync(landed)).Header("Authorization");

        using var again = await browser.SendOnceAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(setup.Gateway.Address, "/api/cases")));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = (await EchoService.Echo.ReadAsync(again)).Header("Authorization");
        Assert.NotEqual(first, second);
        Assert.Equal("anna", new JsonWebToken(second!["Bearer ".Length..]).Subject);
    }

    [Fact]
    public async Task DevelopmentSignIn_IsAbsentOutsideLocalMode()
    {
        await using var setup = await Setup.StartAsync();
        using var client = setup.Gateway.CreateClient();
        // With a valid token, so that the answer is about the route and not about the caller.
        client.DefaultRequestHeaders.Authorization = new("Bearer", await setup.Provider.MachineTokenAsync());

        using var page = await client.GetAsync("/auth/dev");
        using var post = await client.PostAsync("/auth/dev", new FormUrlEncodedContent(new Dictionary<string, string> { ["tenant"] = "kreis" }));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed, $"POST /auth/dev answered {post.StatusCode}");
    }

    private static HttpRequestMessage WithCsrf(HttpMethod method, Uri address, string csrf)
    {
        var request = new HttpRequestMessage(method, address) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add(BrowserSessionOptions.CsrfHeader, csrf);
        return request;
    }

    private sealed class Setup : IAsyncDisposable
    {
        private Setup(OidcProvider provider, GatewayHost gateway)
        {
            Provider = provider;
            Gateway = gateway;
        }

        public OidcProvider Provider { get; }

        public GatewayHost Gateway { get; }

        public static async Task<Setup> StartAsync(int accessTokenTtl = 300)
        {
            var key = OidcProvider.NewKey("k1");
            var provider = await OidcProvider.StartAsync([key]);
            provider.AccessTokenTtl = accessTokenTtl;
            var gateway = await OidcAuthorityTests.StartGatewayAsync(provider, new Dictionary<string, string?>
            {
                ["Identity:Browser:ClientId"] = OidcProvider.BrowserClientId,
                ["Identity:Browser:ClientSecret"] = OidcProvider.BrowserClientSecret,
            });
            // The provider learns the gateway's address (its redirect URIs) only now.
            await provider.RestartAsync([key], gateway.Address.ToString());
            return new Setup(provider, gateway);
        }

        public async Task<HttpResponseMessage> SignInAsync(Browser browser, string account, string returnUrl)
        {
            await Provider.NextLoginAsync(account);
            return await browser.GetAsync(new Uri(Gateway.Address, $"/auth/login?returnUrl={Uri.EscapeDataString(returnUrl)}"));
        }

        public async Task<JsonElement> MeAsync(Browser browser)
        {
            using var response = await browser.SendOnceAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(Gateway.Address, "/auth/me")));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        }

        public async ValueTask DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Provider.DisposeAsync();
        }
    }
}
