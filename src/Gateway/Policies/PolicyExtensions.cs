using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace KimPlatform.Gateway.Policies;

/// <summary>The gateway's policies for every request: headers, CORS, rate limits and timeouts.</summary>
internal static class PolicyExtensions
{
    public static void AddGatewayPolicies(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddGatewayCors(builder.Configuration);
        builder.Services.AddGatewayRateLimits(builder.Configuration);
        // Per-route timeouts come from the route table (Routing/RouteTimeouts); an exceeded one is a 504 problem.
        builder.Services.AddRequestTimeouts();
    }

    /// <summary>Before authentication: the headers must be on the 401s too, and a CORS preflight carries no token.</summary>
    public static void UseGatewayHeaderPolicies(this WebApplication app)
    {
        // First, so that the limiter and the logs see the portal visitor the web app calls for.
        app.UseWebAppClientAddress();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCors();
    }
}
