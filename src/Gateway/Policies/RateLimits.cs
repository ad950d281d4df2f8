using System.Net;
using System.Security.Claims;
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
        var perUser = FixedWindow<CallerKey>(section.GetValue("PermitsPerMinutePerUser", 1200));
        var perTenant = FixedWindow<string>(section.GetValue("PermitsPerMinutePerTenant", 6000));
        var anonymous = FixedWindow<CallerKey>(section.GetValue("PermitsPerMinuteAnonymous", 300));

        // Every request passes here: the partition keys are read from the validated principal without building a
        // CallerContext or a key string, and the limiter factories are made once, so that a request allocates nothing.
        return services.AddRateLimiter(limiter =>
        {
            // The caller's own window first: a single user over its limit does not use up its tenant's budget.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, CallerKey>(http => Tenant(http.User) is { } tenant
                    ? new RateLimitPartition<CallerKey>(new CallerKey(tenant, http.User.FindFirst(KimClaims.Subject)?.Value, null), perUser)
                    : new RateLimitPartition<CallerKey>(new CallerKey(null, null, http.Connection.RemoteIpAddress), anonymous)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => Tenant(http.User) is { } tenant
                    ? new RateLimitPartition<string>(tenant, perTenant)
                    : RateLimitPartition.GetNoLimiter("")));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => TooManyRequests.WriteAsync(context, Window, "Too many requests.");
        });
    }

    // As CallerContext.IsAuthenticated: a validated token that names a tenant.
    private static string? Tenant(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirst(KimClaims.Tenant)?.Value : null;

    // The partitioned limiter replenishes its windows on its own timer, so the windows themselves do not.
    private static Func<TKey, RateLimiter> FixedWindow<TKey>(int permits)
    {
        var options = new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0, AutoReplenishment = false };
        return _ => new FixedWindowRateLimiter(options);
    }

    /// <summary>A caller's budget: a tenant's user, or (with no tenant) a client address.</summary>
    private readonly record struct CallerKey(string? Tenant, string? User, IPAddress? Address);
}
