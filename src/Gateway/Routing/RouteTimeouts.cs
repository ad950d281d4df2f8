using Yarp.ReverseProxy.Configuration;

namespace KimPlatform.Gateway.Routing;

/// <summary>
/// How long a route may take, from configuration: <c>Gateway:Timeouts:Default</c> (30 seconds) for every route and
/// <c>Gateway:Timeouts:Routes:&lt;routeId&gt;</c> for one route (e.g. <c>Gateway__Timeouts__Routes__reports-0=00:02:00</c>).
/// A route that takes longer is cancelled and answered 504.
/// </summary>
internal static class RouteTimeouts
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static IReadOnlyList<RouteConfig> WithTimeouts(this IReadOnlyList<RouteConfig> routes, IConfiguration configuration)
    {
        var section = configuration.GetSection("Gateway:Timeouts");
        var fallback = Positive(section.GetValue("Default", DefaultTimeout), "Default");
        return routes
            .Select(route => route with
            {
                Timeout = route.Timeout ?? Positive(section.GetValue($"Routes:{route.RouteId}", fallback), $"Routes:{route.RouteId}"),
            })
            .ToArray();
    }

    private static TimeSpan Positive(TimeSpan value, string key) => value > TimeSpan.Zero
        ? value
        : throw new InvalidOperationException($"Gateway:Timeouts:{key} must be a positive time span such as 00:00:30.");
}
