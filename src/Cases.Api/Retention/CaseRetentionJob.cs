using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KimPlatform.Cases.Api.Retention;

/// <summary>
/// Anonymises cases closed longer than their tenant's retention period, tenant by tenant under that tenant's
/// row-level security, each case in its own transaction with its CaseErased event and an audit entry.
/// </summary>
public sealed partial class CaseRetentionJob(
    IServiceScopeFactory scopes, IOptionsMonitor<RetentionOptions> options, TimeProvider clock, ILogger<CaseRetentionJob> logger)
    : BackgroundService
{
    public const string SystemUser = "system:retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }

            await Task.Delay(options.CurrentValue.Interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>One pass over every tenant as of <paramref name="now"/>; returns how many cases were anonymised.</summary>
    public async Task<int> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var anonymised = 0;
        foreach (var tenantId in await KnownTenantsAsync(cancellationToken))
        {
            var cutoff = now.AddMonths(-options.CurrentValue.MonthsFor(tenantId));
            foreach (var caseId in await ExpiredAsync(tenantId, cutoff, cancellationToken))
            {
                anonymised += await AnonymiseAsync(tenantId, caseId, now, cancellationToken) ? 1 : 0;
            }
        }

        if (anonymised > 0)
        {
            LogAnonymised(logger, anonymised);
        }

        return anonymised;
    }

    private async Task<List<string>> KnownTenantsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TenantUnitOfWork>().RunAsync(
            db => db.KnownTenants.Select(tenant => tenant.TenantId).ToListAsync(cancellationToken), cancellationToken);
    }

    private async Task<List<Guid>> ExpiredAsync(string tenantId, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TenantUnitOfWork>().For(tenantId).RunAsync(db => db.Cases.AsNoTracking()
            .Where(c => c.Phase == CasePhase.Closed && c.ErasedAt == null && c.ClosedAt < cutoff)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken), cancellationToken);
    }

    private async Task<bool> AnonymiseAsync(string tenantId, Guid caseId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            return await scope.ServiceProvider.GetRequiredService<TenantUnitOfWork>().For(tenantId).RunAsync(async db =>
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention pass failed; trying again at the next interval")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
