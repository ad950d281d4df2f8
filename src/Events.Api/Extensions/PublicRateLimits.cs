using System.Threading.RateLimiting;
using KimPlatform.Security.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace KimPlatform.Events.Api.Extensions;

/// <summary>
/// Anonymous registration, cancellation and feedback are limited per client address (the gateway's X-Forwarded-For),
/// so a script cannot fill an event's places or its waiting list. Signed-in callers are not limited here.
/// </summary>
internal static class PublicRateLimits
{
    public const string AnonymousWrites = "anonymous-writes";

    public static void AddPublicRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PublicRateLimitOptions>().BindConfiguration(PublicRateLimitOptions.SectionName);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AnonymousWrites, http => CallerContext.FromPrincipal(http.User).IsAuthenticated
                ? RateLimitPartition.GetNoLimiter("signed-in")
                : RateLimitPartition.GetFixedWindowLimiter($"ip:{http.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<IOptions<PublicRateLimitOptions>>().Value.AnonymousPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => TooManyRequests.WriteAsync(
                context, TimeSpan.FromMinutes(1), "Too many requests from this address.", "Please try again later.");
        });
    }
}

/// <summary>Configuration section <c>Events:RateLimit</c>.</summary>
internal sealed class PublicRateLimitOptions
{
    public const string SectionName = "Events:RateLimit";

    /// <summary>Anonymous registrations, cancellations and feedback per client address and minute.</summary>
    public int AnonymousPermitsPerMinute { get; set; } = 30;
}
