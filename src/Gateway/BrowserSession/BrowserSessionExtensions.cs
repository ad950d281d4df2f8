using KimPlatform.Security.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace KimPlatform.Gateway.BrowserSession;

/// <summary>
/// The gateway as a backend for frontends: an OpenID Connect sign-in (authorization code with PKCE) whose tokens stay
/// on the server, and a session cookie that the gateway turns into the bearer token for everything behind it.
/// </summary>
internal static class BrowserSessionExtensions
{
    public const string SessionScheme = "kim-session";
    public const string ProviderScheme = "oidc";

    /// <summary>Whether the provider sign-in is configured (an authority and the gateway's client id).</summary>
    public static bool HasProviderSignIn(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Identity:Authority"])
        && !string.IsNullOrWhiteSpace(configuration[$"{BrowserSessionOptions.SectionName}:ClientId"]);

    public static void AddBrowserSession(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<BrowserSessionOptions>().BindConfiguration(BrowserSessionOptions.SectionName);
        services.AddDistributedMemoryCache();
        services.AddSingleton<ITicketStore, DistributedCacheTicketStore>();
        services.AddSingleton<SessionTokens>();
        // A refresh token may be good for one use only: never retried.
#pragma warning disable EXTEXP0001
        services.AddHttpClient(SessionTokens.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10)).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        // Only the development sign-in form uses it, on a developer's http://127.0.0.1, where antiforgery refuses
        // a cookie that must be Secure.
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "kim-antiforgery";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.SuppressXFrameOptionsHeader = true;
        });

        var authentication = services.AddAuthentication().AddCookie(SessionScheme, cookie =>
        {
            cookie.Cookie.Name = BrowserSessionOptions.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.Path = "/";
            cookie.SlidingExpiration = false;
            // The session is never challenged itself; if it were, an API answer beats a redirect.
            cookie.Events.OnRedirectToLogin = context => Status(context.Response, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Status(context.Response, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(SessionScheme)
            .Configure<ITicketStore, IOptions<BrowserSessionOptions>>((cookie, store, browser) =>
            {
                cookie.SessionStore = store;
                cookie.ExpireTimeSpan = browser.Value.SessionLifetime;
            });

        if (HasProviderSignIn(builder.Configuration))
        {
            authentication.AddOpenIdConnect(ProviderScheme, _ => { });
            services.AddOptions<OpenIdConnectOptions>(ProviderScheme)
                .Configure<IOptions<IdentityProviderOptions>, IOptions<BrowserSessionOptions>, ProviderConfigurationManager>(ConfigureProvider);
        }
    }

    /// <summary>Before authentication: the session's access token becomes the request's bearer token.</summary>
    public static void UseBrowserSession(this WebApplication app) => app.UseMiddleware<SessionBearerMiddleware>();

    private static void ConfigureProvider(
        OpenIdConnectOptions oidc, IOptions<IdentityProviderOptions> identity, IOptions<BrowserSessionOptions> browser, ProviderConfigurationManager keys)
    {
        oidc.Authority = identity.Value.Authority;
        oidc.RequireHttpsMetadata = identity.Value.RequireHttpsMetadata;
        oidc.ConfigurationManager = keys;
        oidc.ClientId = browser.Value.ClientId;
        oidc.ClientSecret = browser.Value.ClientSecret;
        oidc.ResponseType = "code";
        // The code comes back on a top-level GET, which a SameSite=Lax cookie survives; PKCE binds it to this sign-in.
        oidc.ResponseMode = "query";
        oidc.UsePkce = true;
        oidc.SaveTokens = true;
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.Scope.Clear();
        oidc.Scope.Add("openid");
        foreach (var scope in browser.Value.Scopes)
        {
            oidc.Scope.Add(scope);
        }

        oidc.SignInScheme = SessionScheme;
        oidc.CallbackPath = "/signin-oidc";
        oidc.SignedOutCallbackPath = "/signout-callback-oidc";
        oidc.SignedOutRedirectUri = "/";
        oidc.TokenValidationParameters.NameClaimType = KimClaims.Name;
        oidc.Events.OnTicketReceived = context =>
        {
            context.Properties!.Items[SessionTokens.CsrfItem] = SessionTokens.NewCsrfToken();
            context.Properties.IsPersistent = false;
            return Task.CompletedTask;
        };
    }

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}
