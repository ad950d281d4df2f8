using KimPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Partners.Api.Infrastructure;

/// <summary>
/// The one place the partner service opens a transaction. Row-level security sees the tenant only inside one (the
/// interceptor sets it when the transaction starts), so every read and change of tenant data runs through here.
/// Consumers run in their inbox transaction.
/// </summary>
public sealed class TenantUnitOfWork(PartnersDbContext db, CurrentTenant tenant)
{
    /// <summary>Works for <paramref name="tenantId"/> instead of the caller's tenant: the anonymous directory names its tenant.</summary>
    public TenantUnitOfWork For(string tenantId)
    {
        tenant.Use(tenantId);
        return this;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction under the tenant's row-level security and commits when it returns.</summary>
    public async Task<T> RunAsync<T>(Func<PartnersDbContext, Task<T>> work, CancellationToken cancellationToken)
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
