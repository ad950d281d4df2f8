using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace KimPlatform.Gateway.Routing;

/// <summary>
/// How the gateway tells a dead replica from a live one when a service has several. A replica that refuses connections
/// is taken out by the passive check at once (and the request goes to another, <see cref="ConnectFailover"/>); one that
/// hangs or stops being ready is taken out by the active probe of <c>/health/ready</c> within about two intervals.
/// When no replica is healthy (the service's database is down for all of them), requests still go to all of them
/// ("panic"), so that the client gets the service's own 503 with <c>Retry-After</c> rather than a bare 503 of YARP's.
/// A single destination gets no health checks: it is the only choice anyway.
/// </summary>
internal static class ReplicaHealth
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(2);

    public static HealthCheckConfig? For(int destinations) => destinations < 2
        ? null
        : new HealthCheckConfig
        {
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = ProbeInterval,
                Timeout = ProbeInterval,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = "/health/ready",
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                // A replica that failed comes back on probation after this; the active probe confirms it sooner.
                ReactivationPeriod = TimeSpan.FromSeconds(10),
            },
        };
}
