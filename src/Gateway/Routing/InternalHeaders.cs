using System.Collections.Frozen;
using System.Net.Http.Headers;
using KimPlatform.Gateway.BrowserSession;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace KimPlatform.Gateway.Routing;

/// <summary>
/// Headers a client must not be able to send to a service through the gateway. The services trust the gateway's
/// <c>X-Forwarded-*</c> (YARP replaces any a client sent with its own) and nothing else of this kind.
/// </summary>
internal static class InternalHeaders
{
    /// <summary>Removed by name from every proxied request.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "Forwarded", "X-Original-For", "X-Original-Proto", "X-Original-Host", "X-Original-Prefix",
        "X-Real-IP", "X-Client-IP", "True-Client-IP", "X-Forwarded-Server", "X-Forwarded-Port", "X-ProxyUser-Ip",
        "X-Tenant", "X-Tenant-Id", "X-Org", "X-Organisation", "X-User", "X-User-Id", "X-Roles",
        "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override",
    ];

    /// <summary>
    /// Any header with this prefix is the gateway's own (the browser session's <c>X-KIM-CSRF</c>); the only one a service
    /// gets is <c>X-Kim-Session-Csrf</c>, set by the gateway itself.
    /// </summary>
    public const string GatewayPrefix = "X-Kim-";

    private const string SessionCookiePrefix = BrowserSessionOptions.CookieName + "=";

    private static readonly FrozenSet<string> NameSet = Names.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool IsInternal(string name) =>
        NameSet.Contains(name) || name.StartsWith(GatewayPrefix, StringComparison.OrdinalIgnoreCase);

    // Runs for every proxied request: it reads the headers without parsing or allocating (NonValidated), and allocates
    // only when a client did send something to take away.
    public static void StripFromClients(TransformBuilderContext context) =>
        context.AddRequestTransform(static transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            List<string>? internalNames = null;
            foreach (var header in headers.NonValidated)
            {
                if (IsInternal(header.Key))
                {
                    (internalNames ??= []).Add(header.Key);
                }
            }

            if (internalNames is not null)
            {
                foreach (var name in internalNames)
                {
                    headers.Remove(name);
                }
            }

            WithoutSessionCookie(headers);
            // A server-rendered page of a session may put the session's anti-forgery token into its forms (sign-out).
            if (transform.HttpContext.Items.TryGetValue(SessionBearerMiddleware.SessionCsrfItem, out var csrf) && csrf is string token)
            {
                headers.TryAddWithoutValidation(BrowserSessionOptions.CsrfForwardHeader, token);
            }

            return ValueTask.CompletedTask;
        });

    // The session cookie is the gateway's: the services get the session's bearer token instead.
    private static void WithoutSessionCookie(HttpRequestHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues("Cookie", out var cookies) || !HasSessionCookie(cookies))
        {
            return;
        }

        var kept = cookies.SelectMany(value => value.Split(';'))
            .Select(cookie => cookie.Trim())
            .Where(cookie => cookie.Length > 0 && !cookie.StartsWith(SessionCookiePrefix, StringComparison.Ordinal))
            .ToList();
        headers.Remove("Cookie");
        if (kept.Count > 0)
        {
            headers.TryAddWithoutValidation("Cookie", string.Join("; ", kept));
        }
    }

    private static bool HasSessionCookie(HeaderStringValues cookies)
    {
        foreach (var value in cookies)
        {
            if (value.Contains(SessionCookiePrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
