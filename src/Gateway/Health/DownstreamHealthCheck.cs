using KimPlatform.Gateway.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KimPlatform.Gateway.Health;

/// <summary>
/// The gateway is ready only when the service behind it answers its own readiness probe: every replica healthy, some
/// of them degraded (still ready: the gateway routes around the others), none unhealthy.
/// </summary>
internal sealed class DownstreamHealthCheck(DownstreamService service, IConfiguration configuration, IHttpClientFactory httpClients) : IHealthCheck
{
    public const string HttpClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var addresses = service.AddressesFrom(configuration);
        var failures = (await Task.WhenAll(addresses.Select(address => ProbeAsync(address, cancellationToken))))
            .OfType<string>().ToList();
        if (failures.Count == 0)
        {
            return HealthCheckResult.Healthy();
        }

        var description = string.Join(" ", failures);
        return failures.Count < addresses.Count ? HealthCheckResult.Degraded(description) : HealthCheckResult.Unhealthy(description);
    }

    // null when the replica is ready, else why not.
    private async Task<string?> ProbeAsync(Uri address, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(new Uri(address, "/health/ready"), cancellationToken);
            return response.IsSuccessStatusCode ? null : $"{service.Name} at {address} answered {(int)response.StatusCode}.";
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return $"{service.Name} at {address} is not reachable.";
        }
    }
}
