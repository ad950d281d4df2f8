using KimPlatform.Gateway.BrowserSession;
using Yarp.ReverseProxy.Configuration;

namespace KimPlatform.Gateway.Routing;

/// <summary>
/// The web app (portal and workspace) behind the gateway, when <c>services:web:http:0</c> names it. Its routes are open
/// at the gateway: the portal is public, and the web app itself sends a workspace request without a session to the sign-in.
/// </summary>
internal static class WebAppRoutes
{
    private const string Name = "web";

    private static readonly string[] Prefixes = ["/portal", "/workspace", "/web-assets", "/_framework", "/_content", "/_blazor"];

    private static string? Address(IConfiguration configuration) =>
        configuration[$"services:{Name}:https:0"] ?? configuration[$"services:{Name}:http:0"];

    public static IEnumerable<RouteConfig> Routes(IConfiguration configuration) => Address(configuration) is null
        ? []
        : Prefixes.Select(prefix => new RouteConfig
        {
            RouteId = $"web{prefix.Replace('/', '-')}",
            ClusterId = Name,
            AuthorizationPolicy = "anonymous",
            Match = new RouteMatch { Path = $"{prefix}/{{**rest}}" },
            // The web app's forms carry Blazor's own anti-forgery token, so a session's form post needs no X-KIM-CSRF.
            Metadata = new Dictionary<string, string> { [SessionBearerMiddleware.AntiforgeryMetadata] = "downstream" },
        });

    public static IEnumerable<ClusterConfig> Clusters(IConfiguration configuration) => Address(configuration) is { } address
        ? [new ClusterConfig { ClusterId = Name, Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = address } } }]
        : [];
}
