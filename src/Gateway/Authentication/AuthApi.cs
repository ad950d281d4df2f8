using KimPlatform.Gateway.BrowserSession;
using KimPlatform.Security.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KimPlatform.Gateway.Authentication;

/// <summary>
/// Browser sign-in at <c>/auth</c> (the contract the web app relies on): <c>GET /auth/login?returnUrl=</c>,
/// <c>POST /auth/logout</c>, <c>GET /auth/me</c>, and in local mode the development sign-in <c>/auth/dev</c>.
/// </summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this WebApplication app)
    {
        var auth = app.MapGroup("/auth").ExcludeFromDescription();
        auth.MapGet("/me", Me);
        auth.MapGet("/login", Login).AllowAnonymous();
        auth.MapPost("/logout", Logout).AllowAnonymous();

        var identity = app.Services.GetRequiredService<IOptions<IdentityProviderOptions>>().Value;
        if (app.Environment.IsDevelopment() && identity.UsesDevelopmentSigning)
        {
            auth.MapDevelopmentSignIn();
        }

        return auth;
    }

    /// <summary>The caller, with a bearer token or a session; <c>csrfToken</c> is the session's anti-forgery token.</summary>
    private static Ok<CallerResponse> Me(CallerContext caller, HttpContext context) => TypedResults.Ok(new CallerResponse(
        caller.UserId!, caller.Name, caller.RequiredTenantId, caller.RequiredOrganisationId, caller.Roles,
        context.Items.TryGetValue(SessionBearerMiddleware.SessionCsrfItem, out var csrf) ? csrf as string : null));

    private static async Task<IResult> Login(string? returnUrl, HttpContext context, IConfiguration configuration, IOptions<IdentityProviderOptions> identity)
    {
        returnUrl ??= "/";
        if (!ReturnUrl.IsLocal(returnUrl))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "returnUrl must be a path on this site.");
        }

        if (BrowserSessionExtensions.HasProviderSignIn(configuration))
        {
            await context.ChallengeAsync(BrowserSessionExtensions.ProviderScheme, new AuthenticationProperties { RedirectUri = returnUrl });
            return TypedResults.Empty;
        }

        return context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment() && identity.Value.UsesDevelopmentSigning
            ? TypedResults.Redirect($"/auth/dev?returnUrl={Uri.EscapeDataString(returnUrl)}")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Browser sign-in is not configured (Identity:Browser:ClientId).");
    }

    /// <summary>Ends the session (and, with a provider, the provider's too); needs the session's anti-forgery token.</summary>
    private static async Task<IResult> Logout(HttpContext context, IConfiguration configuration)
    {
        var session = await context.AuthenticateAsync(BrowserSessionExtensions.SessionScheme);
        if (!session.Succeeded)
        {
            context.Response.Cookies.Delete(BrowserSessionOptions.CookieName, new CookieOptions { Secure = true, Path = "/" });
            return TypedResults.Redirect("/");
        }

        var expected = session.Properties!.Items.TryGetValue(SessionTokens.CsrfItem, out var csrf) ? csrf ?? "" : "";
        var presented = context.Request.Headers[BrowserSessionOptions.CsrfHeader].ToString();
        if (presented.Length == 0 && context.Request.HasFormContentType)
        {
            presented = (await context.Request.ReadFormAsync(context.RequestAborted))[BrowserSessionOptions.CsrfFormField].ToString();
        }

        if (!SessionBearerMiddleware.Matches(presented, expected))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Missing anti-forgery token.",
                detail: $"Sign-out needs the {BrowserSessionOptions.CsrfHeader} header or the '{BrowserSessionOptions.CsrfFormField}' form field with the csrfToken of /auth/me.");
        }

        if (BrowserSessionExtensions.HasProviderSignIn(configuration) && session.Properties.GetTokenValue("id_token") is not null)
        {
            // RP-initiated logout: the provider ends its session too (the handler reads the id token from the session,
            // so before that ends), then sends the browser back to "/".
            await context.SignOutAsync(BrowserSessionExtensions.ProviderScheme, new AuthenticationProperties { RedirectUri = "/" });
            await context.SignOutAsync(BrowserSessionExtensions.SessionScheme);
            return TypedResults.Empty;
        }

        await context.SignOutAsync(BrowserSessionExtensions.SessionScheme);
        return TypedResults.Redirect("/");
    }

    internal sealed record CallerResponse(
        string User, string? Name, string Tenant, string Organisation, IReadOnlyCollection<string> Roles, string? CsrfToken);
}
