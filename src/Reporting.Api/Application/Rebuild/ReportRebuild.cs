using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.Application.Rebuild;

/// <summary>
/// Starts a rebuild of one tenant's read models: in one transaction it deletes them and puts the request to the other
/// services into the outbox, which re-publish the tenant's history; the consumers then fill the read models again.
/// The offers' topics stay: they are the partner service's public offer data, and a replayed referral that arrived
/// before its offer's replay would otherwise count under an unknown topic. The inbox stays too, so a live message
/// applied before the wipe and delivered again is still dropped.
/// </summary>
public sealed class ReportRebuild(TenantUnitOfWork work, TimeProvider clock)
{
    public Task<Guid> StartAsync(string tenantId, CancellationToken cancellationToken) =>
        work.For(tenantId).RunAsync(async db =>
        {
            await db.Counters.Where(row => row.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
            await db.DayHistograms.Where(row => row.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
            await db.GoalStates.Where(row => row.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
            await db.CaseStates.Where(row => row.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
            await db.ErasedKeys.Where(row => row.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
            await db.ReferralStates.Where(row => row.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
            await db.NetworkEvents.Where(row => row.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
            await db.PendingEvents.Where(row => row.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);

            var now = clock.GetUtcNow();
            var rebuildId = Guid.CreateVersion7(now);
            db.AddIntegrationEvent(new ReportingRebuildRequested { EventId = rebuildId, TenantId = tenantId, OccurredAt = now, RebuildId = rebuildId });
            await db.SaveChangesAsync(cancellationToken);
            return rebuildId;
        }, cancellationToken);
}
