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

    // The session cookie is the gateway's: the services get the session's bearer token instead.
    private static void WithoutSessionCookie(System.Net.Http.Headers.HttpRequestHeaders headers)
    {
        if (!headers.TryGetValues("Cookie", out var values))
        {
            return;
        }

        var kept = values.SelectMany(value => value.Split(';'))
            .Select(cookie => cookie.Trim())
            .Where(cookie => cookie.Length > 0 && !cookie.StartsWith(BrowserSessionOptions.CookieName + "=", StringComparison.Ordinal))
            .ToList();
        headers.Remove("Cookie");
        if (kept.Count > 0)
        {
            headers.TryAddWithoutValidation("Cookie", string.Join("; ", kept));
        }
    }

    public static void StripFromClients(TransformBuilderContext context) =>
        context.AddRequestTransform(transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            foreach (var name in Names)
            {
                headers.Remove(name);
            }

            foreach (var name in headers.Select(header => header.Key)
                         .Where(name => name.StartsWith(GatewayPrefix, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                headers.Remove(name);
            }

            WithoutSessionCookie(headers);
            // A server-rendered page of a session may put the session's anti-forgery token into its forms (sign-out).
            if (transform.HttpContext.Items.TryGetValue(SessionBearerMiddleware.SessionCsrfItem, out var csrf) && csrf is string token)
            {
                headers.TryAddWithoutValidation(BrowserSessionOptions.CsrfForwardHeader, token);
            }

            return ValueTask.CompletedTask;
        });
}
