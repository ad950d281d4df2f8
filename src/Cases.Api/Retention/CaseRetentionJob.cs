using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KimPlatform.Cases.Api.Retention;

/// <summary>
/// Anonymises cases closed longer than their tenant's retention period, tenant by tenant under that tenant's
/// row-level security, each case in its own transaction with its CaseErased event and an audit entry.
/// </summary>
public sealed partial class CaseRetentionJob(
    IServiceScopeFactory scopes, IOptionsMonitor<RetentionOptions> options, TimeProvider clock, ILogger<CaseRetentionJob> logger)
    : TenantRetentionJob<CasesDbContext>(scopes, clock, logger)
{
    public const string SystemUser = "system:retention";

    protected override TimeSpan Interval => options.CurrentValue.Interval;

    protected override Task RunPassAsync(DateTimeOffset now, CancellationToken cancellationToken) => RunOnceAsync(now, cancellationToken);

    protected override Task<List<string>> ListTenantsAsync(CasesDbContext db, CancellationToken cancellationToken) =>
        db.KnownTenants.Select(tenant => tenant.TenantId).ToListAsync(cancellationToken);

    /// <summary>One pass over every tenant as of <paramref name="now"/>; returns how many cases were anonymised.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var anonymised = 0;
        foreach (var tenantId in await KnownTenantsAsync(cancellationToken))
        {
            var cutoff = now.AddMonths(-options.CurrentValue.MonthsFor(tenantId));
            var expired = await ForTenantAsync(tenantId, db => db.Cases.AsNoTracking()
                .Where(c => c.Phase == CasePhase.Closed && c.ErasedAt == null && c.ClosedAt < cutoff)
                .Select(c => c.Id)
                .ToListAsync(cancellationToken), cancellationToken);
            foreach (var caseId in expired)
            {
                anonymised += await AnonymiseAsync(tenantId, caseId, now, cancellationToken) ? 1 : 0;
            }
        }

        if (anonymised > 0)
        {
            LogAnonymised(Logger, anonymised);
        }

        return anonymised;
    }

    private async Task<bool> AnonymiseAsync(string tenantId, Guid caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await ForTenantAsync(tenantId, async db =>
            {
                var expired = await db.Cases.FirstOrDefaultAsync(c => c.Id == caseId && c.ErasedAt == null, cancellationToken);
                if (expired is null)
                {
                    return false;
                }

                expired.Erase("retention", now);
                db.AddIntegrationEvents(expired.Events);
                db.AuditEntries.Add(new AuditEntry
                {
                    TenantId = tenantId, CaseId = caseId, UserId = SystemUser, OrganisationId = expired.OrganisationId,
                    Action = "erase", Fields = ["*"], Outcome = "retention", At = now,
                });
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false; // changed meanwhile (reopened?); the next pass looks again
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: anonymised {Count} cases")]
    private static partial void LogAnonymised(ILogger logger, int count);
}
