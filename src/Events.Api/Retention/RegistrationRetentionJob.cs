using KimPlatform.Data;
using KimPlatform.Events.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KimPlatform.Events.Api.Retention;

/// <summary>
/// Removes the personal data of registrations a configurable number of days after their event ended, tenant by
/// tenant under that tenant's row-level security, each event in its own transaction under the event's lock. The
/// registrations stay, so counts per status, group, session and attendance remain.
/// </summary>
public sealed partial class RegistrationRetentionJob(
    IServiceScopeFactory scopes, IOptionsMonitor<RetentionOptions> options, TimeProvider clock, ILogger<RegistrationRetentionJob> logger)
    : TenantRetentionJob<EventsDbContext>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.CurrentValue.Interval;

    protected override Task RunPassAsync(DateTimeOffset now, CancellationToken cancellationToken) => RunOnceAsync(now, cancellationToken);

    protected override Task<List<string>> ListTenantsAsync(EventsDbContext db, CancellationToken cancellationToken) =>
        db.KnownTenants.Select(known => known.TenantId).ToListAsync(cancellationToken);

    /// <summary>One pass over every tenant as of <paramref name="now"/>; returns how many registrations lost their personal data.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        now = now.ToUniversalTime(); // PostgreSQL takes instants in UTC only
        var cutoff = now.AddDays(-options.CurrentValue.DaysAfterEvent);
        var removed = 0;
        foreach (var tenantId in await KnownTenantsAsync(cancellationToken))
        {
            var expired = await ForTenantAsync(tenantId, db => db.Registrations
                .Where(r => r.PersonalDataRemovedAt == null && db.Events.Any(e => e.Id == r.EventId && e.EndsAt < cutoff))
                .Select(r => r.EventId).Distinct().ToListAsync(cancellationToken), cancellationToken);
            foreach (var eventId in expired)
            {
                removed += await ForTenantAsync(tenantId, async db =>
                {
                    await db.Database.ExecuteSqlAsync($"SELECT id FROM events WHERE id = {eventId} FOR UPDATE", cancellationToken);
                    var ended = await db.Events.Include(e => e.Registrations).FirstAsync(e => e.Id == eventId, cancellationToken);
                    var count = ended.RemovePersonalData(now);
                    await db.SaveChangesAsync(cancellationToken);
                    return count;
                }, cancellationToken);
            }
        }

        if (removed > 0)
        {
            LogRemoved(Logger, removed);
        }

        return removed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: removed the personal data of {Count} registrations")]
    private static partial void LogRemoved(ILogger logger, int count);
}
