using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Data;

/// <summary>
/// The one place a service opens a transaction for requests and background work. Row-level security sees the tenant
/// only inside one (the interceptor sets it when the transaction starts), so every read and every change of tenant
/// data runs through here. Consumers run in their inbox transaction instead.
/// </summary>
public class TenantUnitOfWork<TContext>(TContext db, CurrentTenant tenant) where TContext : DbContext
{
    /// <summary>Works for <paramref name="tenantId"/> instead of the caller's tenant: anonymous calls that name their tenant, background work.</summary>
    public TenantUnitOfWork<TContext> For(string tenantId)
    {
        tenant.Use(tenantId);
        return this;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction under the tenant's row-level security and commits when it
    /// returns; an exception rolls back whatever it saved. Inside a running transaction it joins, and the owner commits.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<TContext, Task<T>> work, CancellationToken cancellationToken)
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
