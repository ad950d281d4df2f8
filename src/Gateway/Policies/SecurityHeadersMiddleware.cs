namespace KimPlatform.Gateway.Policies;

/// <summary>
/// Headers on every answer of the gateway, its own and the services': <c>nosniff</c>, no referrer, HSTS when the
/// request came over TLS (directly or from the trusted proxy), a CSP on HTML that brings none, and no server banners.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>For HTML without a policy of its own (the API reference): scripts and styles only from the gateway.</summary>
    public const string DefaultContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string StrictTransportSecurity = "max-age=31536000";

    public Task InvokeAsync(HttpContext context)
    {
        // The static callback with the context as its state: no closure for every request.
        context.Response.OnStarting(static state => AddHeaders((HttpContext)state), context);
        return next(context);
    }

    private static Task AddHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.Remove("Server");
        headers.Remove("X-Powered-By");
        headers.Remove("X-AspNet-Version");
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = StrictTransportSecurity;
        }

        if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true
            && string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = DefaultContentSecurityPolicy;
        }

        return Task.CompletedTask;
    }
}
