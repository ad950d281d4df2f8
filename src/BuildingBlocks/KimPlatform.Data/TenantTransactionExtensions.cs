using Microsoft.EntityFrameworkCore.Infrastructure;

namespace KimPlatform.Data;

/// <summary>Reads under row-level security need a transaction (that is when the tenant is set).</summary>
public static class TenantTransactionExtensions
{
    /// <summary>
    /// Joins the transaction already running, or starts one that the caller disposes: for code that may be called
    /// both inside and outside a unit of work. Disposing a started one without commit just ends a read.
    /// </summary>
    public static async Task<IAsyncDisposable> JoinOrBeginTransactionAsync(this DatabaseFacade database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.CurrentTransaction is null ? await database.BeginTransactionAsync(cancellationToken) : Joined.Instance;
    }

    private sealed class Joined : IAsyncDisposable
    {
        public static readonly Joined Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
