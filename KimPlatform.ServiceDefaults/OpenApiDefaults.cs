using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every service's OpenAPI document says beyond its endpoints: the platform, the bearer scheme and, per operation,
/// whether it needs a token. Applied to every document a service adds with <c>AddOpenApi()</c>.
/// </summary>
public static class OpenApiDefaults
{
    /// <summary>Name of the bearer scheme in <c>components.securitySchemes</c>; the API reference prefers it.</summary>
    public const string BearerScheme = "bearer";

    internal static void AddOpenApiDefaults(this IServiceCollection services) =>
        services.ConfigureAll<OpenApiOptions>(options =>
        {
            options.AddDocumentTransformer<PlatformDocumentTransformer>();
            options.AddOperationTransformer<BearerSecurityOperationTransformer>();
        });
}
