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

    /// <summary>A replica the passive check took out gets requests again after this.</summary>
    public static readonly TimeSpan ReactivationPeriod = TimeSpan.FromSeconds(10);

    // YARP keeps a replica out for the longer of the reactivation period and the passive check's failure window (60 s
    // by default), and judges it afterwards by the whole window: with the default, a replica that refused connections
    // for a moment stayed out a minute, and every request in the minute after that could take it out again. A window
    // shorter than the reactivation period makes the period the one that counts, and a replica that is back is judged
    // by what it does now.
    private static readonly TimeSpan FailureWindow = TimeSpan.FromSeconds(5);

    // Two missed probes in a row (the default) happened to a replica that was only slow, on a machine busy with other
    // work; three still take a hanging replica out within about six seconds.
    private const int ProbeFailuresBeforeUnhealthy = 3;

    public static IServiceCollection AddReplicaHealthPolicies(this IServiceCollection services) => services
        .Configure<TransportFailureRateHealthPolicyOptions>(passive => passive.DetectionWindowSize = FailureWindow)
        .Configure<ConsecutiveFailuresHealthPolicyOptions>(active => active.DefaultThreshold = ProbeFailuresBeforeUnhealthy);

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
                ReactivationPeriod = ReactivationPeriod,
            },
        };
}
