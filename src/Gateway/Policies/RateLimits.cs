using System.Threading.RateLimiting;
using KimPlatform.Security.Authentication;

namespace KimPlatform.Gateway.Policies;

/// <summary>
/// Fixed windows per minute, chained: each caller (tenant and <c>sub</c>, or client address when anonymous) has its
/// own budget, and all callers of one tenant share the tenant's budget, so one tenant's flood cannot starve another.
/// </summary>
internal static class RateLimits
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Gateway:RateLimit");
        var perUser = section.GetValue("PermitsPerMinutePerUser", 1200);
        var perTenant = section.GetValue("PermitsPerMinutePerTenant", 6000);
        var anonymous = section.GetValue("PermitsPerMinuteAnonymous", 300);

        return services.AddRateLimiter(limiter =>
        {
            // The caller's own window first: a single user over its limit does not use up its tenant's budget.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    var caller = CallerContext.FromPrincipal(http.User);
                    return caller.IsAuthenticated
                        ? FixedWindow($"user:{caller.TenantId}:{caller.UserId}", perUser)
                        : FixedWindow($"ip:{http.Connection.RemoteIpAddress}", anonymous);
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(http =>
                {
                    var caller = CallerContext.FromPrincipal(http.User);
                    return caller.IsAuthenticated
                        ? FixedWindow($"tenant:{caller.TenantId}", perTenant)
                        : RateLimitPartition.GetNoLimiter("anonymous");
                }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => TooManyRequests.WriteAsync(context, Window, "Too many requests.");
        });
    }

    private static RateLimitPartition<string> FixedWindow(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = Window,
            QueueLimit = 0,
        });
}
