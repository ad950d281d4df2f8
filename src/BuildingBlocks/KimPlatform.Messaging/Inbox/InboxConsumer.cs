using KimPlatform.Contracts;
using KimPlatform.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Messaging.Inbox;

/// <summary>
/// Base of every consumer with effects in the service's database. It records the message in the inbox and applies
/// the effects in one transaction, under the event's tenant; a redelivered message finds its inbox row and is
/// skipped, so nothing is applied twice.
/// </summary>
public abstract class InboxConsumer<TMessage, TContext>(TContext db, CurrentTenant tenant) : IConsumer<TMessage>
    where TMessage : IntegrationEvent
    where TContext : ServiceDbContext
{
    protected TContext Db { get; } = db;

    /// <summary>The name the inbox records; stable across releases.</summary>
    protected virtual string ConsumerName => GetType().Name;

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var messageId = context.MessageId ?? context.Message.EventId;
        Db.ChangeTracker.Clear();
        // The transaction below is all or nothing: a failed save fails the message, which is retried from the start.
        // EF Core's automatic savepoint around every SaveChanges in it would cost two round trips per save, and every
        // message of a tenant waits for the one before it to commit.
        Db.Database.AutoSavepointsEnabled = false;
        tenant.Use(context.Message.TenantId);

        await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
        var firstTime = await Db.Database.ExecuteSqlAsync(
            $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {ConsumerName}, now()) ON CONFLICT DO NOTHING",
            cancellationToken);
        if (firstTime == 0)
        {
            return;
        }

        await ApplyAsync(context.Message, cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Applies the message's effects to <see cref="Db"/>; they are saved with the inbox row.</summary>
    protected abstract Task ApplyAsync(TMessage message, CancellationToken cancellationToken);
}
