using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace KimPlatform.Messaging.Outbox;

/// <summary>
/// Wakes this process's outbox dispatchers when a transaction that wrote outbox rows has committed. It replaces a
/// PostgreSQL <c>NOTIFY</c> trigger: PostgreSQL serialises the commits of notifying transactions (one lock for the whole
/// database, held until after the commit), which held the write path to a third of the database's insert rate
/// (bench/README.md). Rows written by another process (a second replica, a repair by hand) are found by polling.
/// </summary>
public static class OutboxSignal
{
    private static TaskCompletionSource _next = NewSource();

    /// <summary>Wakes every dispatcher of the process that waits for <see cref="Next"/>.</summary>
    public static void Wake() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>
    /// Completes at the next <see cref="Wake"/>. A dispatcher takes it before it reads the outbox, so that a commit
    /// while it reads is not missed: the task is then already complete when it goes to wait.
    /// </summary>
    public static Task Next => Volatile.Read(ref _next).Task;

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>Calls <see cref="OutboxSignal.Wake"/> after the commit of a transaction in which a <see cref="ServiceDbContext"/> added outbox rows.</summary>
internal sealed class OutboxCommitInterceptor : DbTransactionInterceptor
{
    public static readonly OutboxCommitInterceptor Instance = new();

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData);
        return Task.CompletedTask;
    }

    private static void Committed(TransactionEndEventData eventData)
    {
        if (eventData.Context is ServiceDbContext { OutboxWritten: true } context)
        {
            context.OutboxWritten = false;
            OutboxSignal.Wake();
        }
    }

    private static void Forget(TransactionEndEventData eventData)
    {
        if (eventData.Context is ServiceDbContext context)
        {
            context.OutboxWritten = false;
        }
    }
}
