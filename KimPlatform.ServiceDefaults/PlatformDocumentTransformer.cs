using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>Names the platform and the service, declares the bearer scheme, and writes server URLs without a trailing slash.</summary>
internal sealed class PlatformDocumentTransformer(IHostEnvironment environment) : IOpenApiDocumentTransformer
{
    private const string Platform = """
        KIM Platform supports Kommunales Integrationsmanagement (KIM) in North Rhine-Westphalia: case management for
        newcomers, referrals to partners' offers under the person's consent, network events, and reports for the state
        funder. One deployment serves many KIM bodies (Kreise and kreisfreie Städte) as tenants.

        Every call goes through the gateway. Send `Authorization: Bearer <JWT>` with the claims `sub`, `name`, `tenant`,
        `org` and `roles`; operations marked without security are public (anonymous callers name the `tenant` where asked).
        A missing or invalid token answers 401, a wrong role 403, and another tenant's or organisation's resource 404.
        Errors are `application/problem+json` (RFC 9457).
        """;

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var service = environment.ApplicationName.EndsWith(".Api", StringComparison.Ordinal)
            ? environment.ApplicationName[..^".Api".Length]
            : environment.ApplicationName;
        document.Info.Title = $"KIM Platform: {service}";
        document.Info.Description = Platform;

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[OpenApiDefaults.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token of the county's identity provider (locally: `./kim token`).",
        };

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        return Task.CompletedTask;
    }
}
