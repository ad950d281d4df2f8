using KimPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Cases.Api.Infrastructure;

/// <summary>
/// The one place the case service opens a transaction. Row-level security sees the tenant only inside one (the
/// interceptor sets it when the transaction starts), so every read and every change of tenant data runs through
/// here: the requests' application code, and the retention job. Consumers run in their inbox transaction.
/// </summary>
public sealed class TenantUnitOfWork(CasesDbContext db, CurrentTenant tenant)
{
    /// <summary>Works for <paramref name="tenantId"/> instead of the caller's tenant: for work no request carries.</summary>
    public TenantUnitOfWork For(string tenantId)
    {
        tenant.Use(tenantId);
        return this;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction under the tenant's row-level security and commits when it
    /// returns; an exception rolls back whatever it saved. Inside a running transaction it joins, and the owner commits.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<CasesDbContext, Task<T>> work, CancellationToken cancellationToken)
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
