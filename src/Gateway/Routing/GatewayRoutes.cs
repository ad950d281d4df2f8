using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace KimPlatform.Gateway.Routing;

/// <summary>
/// The routes of the public contract. Everything needs a valid token (the fallback policy) except the few calls
/// the contract opens to the public: the offer directory, open working groups and sign-ups to them, public event pages, registration, cancellation,
/// feedback and calendars, and the API documents.
/// </summary>
internal static class GatewayRoutes
{
    private const string Anonymous = "anonymous";

    public static IReadOnlyList<RouteConfig> Routes(IConfiguration configuration) =>
    [
        .. DownstreamService.All.SelectMany(service => service.PathPrefixes.Select((prefix, index) =>
            Route($"{service.DocumentName}-{index}", service.Name, $"{prefix}/{{**rest}}"))),
        .. DownstreamService.All.Select(service =>
            Route($"{service.DocumentName}-openapi", service.Name, $"/openapi/{service.DocumentName}.json", Anonymous, ["GET"])
                .WithTransformPathSet("/openapi/v1.json")),

        Route("partners-directory", "partners-api", "/api/partners/offers", Anonymous, ["GET"]),
        Route("partners-open-data", "partners-api", "/api/partners/offers/hsds", Anonymous, ["GET"]),
        Route("partners-directory-offer", "partners-api", "/api/partners/offers/{offerId:guid}/published", Anonymous, ["GET"]),
        Route("partners-open-bodies", "partners-api", "/api/partners/bodies/open", Anonymous, ["GET"]),
        Route("partners-body-signups", "partners-api", "/api/partners/bodies/signups", Anonymous, ["POST"]),
        Route("events-list", "events-api", "/api/events", Anonymous, ["GET"]),
        Route("events-public", "events-api", "/api/events/{eventId:guid}", Anonymous, ["GET"]),
        Route("events-calendar", "events-api", "/api/events/{eventId:guid}/calendar.ics", Anonymous, ["GET"]),
        Route("events-tenant-calendar", "events-api", "/api/events/calendar.ics", Anonymous, ["GET"]),
        Route("events-registration", "events-api", "/api/events/{eventId}/registrations", Anonymous, ["POST"]),
        Route("events-cancellation", "events-api", "/api/events/{eventId}/registrations/{registrationId}/cancel", Anonymous, ["POST"]),
        Route("events-feedback", "events-api", "/api/events/{eventId}/feedback", Anonymous, ["POST"]),
        .. WebAppRoutes.Routes(configuration),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration) =>
        DownstreamService.All.Select(service => new ClusterConfig
        {
            ClusterId = service.Name,
            Destinations = service.AddressesFrom(configuration)
                .Select((address, index) => (Id: index == 0 ? "primary" : $"replica-{index + 1}", Address: address))
                .ToDictionary(destination => destination.Id, destination => new DestinationConfig { Address = destination.Address.ToString() }),
            HealthCheck = ReplicaHealth.For(service.AddressesFrom(configuration).Count),
            // The services speak plain HTTP/1.1: ask for exactly that instead of HTTP/2-or-lower, and keep a pool of
            // connections per service that is large enough for the gateway's own concurrency.
            HttpRequest = new ForwarderRequestConfig { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact },
            HttpClient = new HttpClientConfig { MaxConnectionsPerServer = 1024 },
        }).Concat(WebAppRoutes.Clusters(configuration)).ToArray();

    // Anonymous routes are more specific than the catch-all of their service; the negative order makes that explicit.
    private static RouteConfig Route(string id, string cluster, string path, string? policy = null, string[]? methods = null) => new()
    {
        RouteId = id,
        ClusterId = cluster,
        AuthorizationPolicy = policy,
        Order = policy == Anonymous ? -1 : 0,
        Match = new RouteMatch { Path = path, Methods = methods },
    };
}
