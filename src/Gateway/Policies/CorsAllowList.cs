namespace KimPlatform.Gateway.Policies;

/// <summary>
/// Cross-origin calls only from the origins in <c>Gateway:Cors:AllowedOrigins</c> (none by default). They carry a
/// bearer token; cookies are never sent cross-origin (no credentials), so the browser session stays same-origin.
/// </summary>
internal static class CorsAllowList
{
    public static IServiceCollection AddGatewayCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = (configuration.GetSection("Gateway:Cors:AllowedOrigins").Get<string[]>() ?? [])
            .Where(origin => !string.IsNullOrWhiteSpace(origin))
            .Select(Validated)
            .ToArray();

        return services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Accept", "Accept-Language", "If-Match", "If-None-Match", "X-Correlation-Id")
            .WithExposedHeaders("ETag", "Location", "Retry-After", "X-Correlation-Id")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
    }

    // An origin is scheme, host and port only; a path or a wildcard here is a configuration mistake, not a wish.
    private static string Validated(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.AbsolutePath == "/"
            && origin.TrimEnd('/') == uri.GetLeftPart(UriPartial.Authority)
            ? uri.GetLeftPart(UriPartial.Authority)
            : throw new InvalidOperationException(
                $"Gateway:Cors:AllowedOrigins has '{origin}', which is not an origin like https://portal.kreis-guetersloh.de.");
}
