using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Model;

namespace KimPlatform.Gateway.BrowserSession;

/// <summary>
/// Turns a browser session into a bearer token before authentication: a request with the session cookie and no
/// <c>Authorization</c> header gets <c>Authorization: Bearer &lt;the session's access token&gt;</c>, so the gateway
/// and the services check it exactly like an API client's. Writes authenticated this way must prove they come from the
/// platform's own pages with the session's <c>X-KIM-CSRF</c> token, except where the route says the service behind it
/// checks its own anti-forgery token (the web app's forms).
/// </summary>
internal sealed class SessionBearerMiddleware(RequestDelegate next, SessionTokens tokens, IProblemDetailsService problems)
{
    /// <summary>Set on requests authenticated by the session: its anti-forgery token.</summary>
    public const string SessionCsrfItem = "kim.session.csrf";

    /// <summary>Route metadata key: <c>"downstream"</c> when the service behind the route checks anti-forgery itself.</summary>
    public const string AntiforgeryMetadata = "kim-antiforgery";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.Count > 0 || !context.Request.Cookies.ContainsKey(BrowserSessionOptions.CookieName))
        {
            await next(context);
            return;
        }

        var session = await context.AuthenticateAsync(BrowserSessionExtensions.SessionScheme);
        var accessToken = session.Succeeded ? await tokens.AccessTokenAsync(session, context.RequestAborted) : null;
        if (accessToken is null)
        {
            if (session.Succeeded)
            {
                await context.SignOutAsync(BrowserSessionExtensions.SessionScheme);
            }

            await next(context);
            return;
        }

        var csrf = session.Properties!.Items.TryGetValue(SessionTokens.CsrfItem, out var token) ? token! : "";
        context.Items[SessionCsrfItem] = csrf;
        context.Request.Headers.Authorization = "Bearer " + accessToken;

        if (IsWrite(context.Request.Method) && !ChecksItsOwnAntiforgery(context)
            && !Matches(context.Request.Headers[BrowserSessionOptions.CsrfHeader].ToString(), csrf))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status403Forbidden,
                    Title = "Missing anti-forgery token.",
                    Detail = $"A change made with the session cookie needs the {BrowserSessionOptions.CsrfHeader} header with the csrfToken of /auth/me.",
                },
            });
            return;
        }

        await next(context);
    }

    public static bool Matches(string presented, string expected) =>
        expected.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));

    private static bool IsWrite(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    // The /auth endpoints check for themselves (sign-out takes the token as a form field too).
    private static bool ChecksItsOwnAntiforgery(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/auth", StringComparison.OrdinalIgnoreCase)
        || (context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata?.TryGetValue(AntiforgeryMetadata, out var who) == true
            && who == "downstream");
}
