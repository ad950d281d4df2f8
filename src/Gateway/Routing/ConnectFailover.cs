using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace KimPlatform.Gateway.Routing;

/// <summary>
/// A request whose connection to a replica could not even be established (refused, reset while connecting) was never
/// seen by that replica, so it is safe to send it to another one, even a POST. Anything that failed after the request
/// went out is not retried: a write may have been applied, and only the client can decide (its 502 says so).
/// </summary>
internal static class ConnectFailover
{
    public static async Task SendToAnotherReplicaIfUnreachable(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        IReadOnlyList<DestinationState> candidates = proxy.AvailableDestinations;
        await next();
        while (NotConnected(context) && proxy.ProxiedDestination is { } failed && candidates.Count > 1)
        {
            candidates = candidates.Where(destination => destination != failed).ToArray();
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
            proxy.AvailableDestinations = candidates;
            await next();
        }
    }

    private static bool NotConnected(HttpContext context) =>
        !context.Response.HasStarted
        && context.GetForwarderErrorFeature() is { Error: ForwarderError.Request, Exception: var exception }
        && exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };
}
