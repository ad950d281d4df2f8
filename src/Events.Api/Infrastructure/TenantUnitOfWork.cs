using KimPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Events.Api.Infrastructure;

/// <summary>
/// The one place the event service opens a transaction. Row-level security sees the tenant only inside one, so every
/// read and change of tenant data runs through here. Anonymous callers name their tenant (<see cref="For"/>).
/// </summary>
public sealed class TenantUnitOfWork(EventsDbContext db, CurrentTenant tenant)
{
    /// <summary>Works for <paramref name="tenantId"/> instead of the caller's tenant: anonymous requests, background work.</summary>
    public TenantUnitOfWork For(string tenantId)
    {
        tenant.Use(tenantId);
        return this;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction under the tenant's row-level security and commits when it returns.</summary>
    public async Task<T> RunAsync<T>(Func<EventsDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(db);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work(db);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
