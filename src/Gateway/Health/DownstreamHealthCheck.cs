using KimPlatform.Gateway.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KimPlatform.Gateway.Health;

/// <summary>The gateway is ready only when the service behind it answers its own readiness probe.</summary>
internal sealed class DownstreamHealthCheck(DownstreamService service, IConfiguration configuration, IHttpClientFactory httpClients) : IHealthCheck
{
    public const string HttpClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var address = new Uri(service.AddressFrom(configuration), "/health/ready");
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(address, cancellationToken);
            return response.IsSuccessStatusCode
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{service.Name} answered {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{service.Name} is not reachable.", exception);
        }
    }
}
