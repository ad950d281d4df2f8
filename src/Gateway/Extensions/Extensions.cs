using System.Globalization;
using System.Threading.RateLimiting;
using KimPlatform.Gateway.Health;
using KimPlatform.Gateway.Routing;
using KimPlatform.Security.Authentication;
using Microsoft.AspNetCore.Mvc;
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

        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes(), GatewayRoutes.Clusters(builder.Configuration));

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

        builder.AddRateLimits();
    }

    /// <summary>Per user (or per client address when anonymous) fixed windows; 429 problem with Retry-After.</summary>
    private static void AddRateLimits(this IHostApplicationBuilder builder)
    {
        var perUser = builder.Configuration.GetValue("Gateway:RateLimit:PermitsPerMinutePerUser", 1200);
        var anonymous = builder.Configuration.GetValue("Gateway:RateLimit:PermitsPerMinuteAnonymous", 300);

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var caller = CallerContext.FromPrincipal(http.User);
                var (key, permits) = caller.IsAuthenticated
                    ? ($"user:{caller.TenantId}:{caller.UserId}", perUser)
                    : ($"ip:{http.Connection.RemoteIpAddress}", anonymous);
                return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => TooManyRequests.WriteAsync(context, TimeSpan.FromMinutes(1), "Too many requests.");
        });
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
