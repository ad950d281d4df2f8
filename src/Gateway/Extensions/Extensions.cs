using KimPlatform.Gateway.Authentication;
using KimPlatform.Gateway.BrowserSession;
using KimPlatform.Gateway.Health;
using KimPlatform.Gateway.Policies;
using KimPlatform.Gateway.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Scalar.AspNetCore;

namespace KimPlatform.Gateway.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKimAuthentication();
        builder.AddValidatedTokenCache();
        builder.AddGatewayPolicies();
        builder.AddBrowserSession();

        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes(builder.Configuration).WithTimeouts(builder.Configuration), GatewayRoutes.Clusters(builder.Configuration))
            .AddTransforms(InternalHeaders.StripFromClients);
        builder.Services.AddReplicaHealthPolicies();

        // A probe must answer fast and honestly: no retries or hedging from the default resilience handler.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(DownstreamHealthCheck.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(3))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        var health = builder.Services.AddHealthChecks();
        foreach (var service in DownstreamService.All)
        {
            health.Add(new HealthCheckRegistration(
                service.Name,
                provider => ActivatorUtilities.CreateInstance<DownstreamHealthCheck>(provider, service),
                HealthStatus.Unhealthy,
                ["ready"]));
        }
    }

    /// <summary>Scalar's API reference at <c>/docs</c> over each service's OpenAPI document, proxied at <c>/openapi/{name}.json</c>.</summary>
    public static void MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("KIM Platform API");
            // "Try it" sends the bearer token a developer enters once (e.g. from ./kim token), for every document.
            options.AddPreferredSecuritySchemes(OpenApiDefaults.BearerScheme).EnablePersistentAuthentication();
            foreach (var service in DownstreamService.All)
            {
                options.AddDocument(service.DocumentName, service.Title, $"/openapi/{service.DocumentName}.json");
            }
        }).AllowAnonymous();
    }
}
