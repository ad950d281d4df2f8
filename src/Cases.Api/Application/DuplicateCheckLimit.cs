using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using KimPlatform.Security.Authentication;
using Microsoft.AspNetCore.RateLimiting;

namespace KimPlatform.Cases.Api.Application;

/// <summary>
/// The duplicate check names organisations that run a case for a name and birth date, so unlimited it would be a
/// lookup tool. Each user gets a few dozen checks an hour (<c>DuplicateCheck:PermitsPerHour</c>, default 30); going
/// over is refused with 429 and raised as an alert: an error log line and the <c>kim.cases.duplicate_check.limit_exceeded</c> counter.
/// </summary>
internal static partial class DuplicateCheckLimit
{
    public const string Policy = "duplicate-check";
    public const string MeterName = "KimPlatform.Cases";

    public static void AddDuplicateCheckLimit(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http =>
            {
                var caller = CallerContext.FromPrincipal(http.User);
                var permits = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("DuplicateCheck:PermitsPerHour", 30);
                return RateLimitPartition.GetFixedWindowLimiter($"{caller.TenantId}:{caller.UserId}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = permits,
                    Window = TimeSpan.FromHours(1),
                    QueueLimit = 0,
                });
            });
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var caller = CallerContext.FromPrincipal(http.User);
        var services = http.RequestServices;
        LogLimitExceeded(services.GetRequiredService<ILoggerFactory>().CreateLogger("KimPlatform.Cases.DuplicateCheck"),
            caller.UserId ?? "?", caller.OrganisationId ?? "?", caller.TenantId ?? "?");
        services.GetRequiredService<IMeterFactory>().Create(MeterName)
            .CreateCounter<long>("kim.cases.duplicate_check.limit_exceeded").Add(1);

        await TooManyRequests.WriteAsync(context, TimeSpan.FromHours(1), "Too many duplicate checks.",
            "The duplicate check is limited per user and hour; the coordination has been alerted.");
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error,
        Message = "Duplicate-check limit exceeded by user {UserId} of {OrganisationId} in {TenantId}: possible use as a lookup tool")]
    private static partial void LogLimitExceeded(ILogger logger, string userId, string organisationId, string tenantId);
}
