using KimPlatform.Messaging.Inbox;
using KimPlatform.Messaging.Outbox;
using KimPlatform.Messaging.Replay;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Messaging;

/// <summary>
/// Base of every service's DbContext: snake_case names as PostgreSQL expects them, and the outbox and inbox
/// tables in the same database as the service's state, so both commit in one transaction.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Integration events waiting for (or done with) dispatch.</summary>
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    /// <summary>Messages this service's consumers have applied.</summary>
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>True from adding an integration event until the transaction ends; its commit wakes the dispatcher.</summary>
    internal bool OutboxWritten { get; set; }

    /// <inheritdoc />
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseSnakeCaseNamingConvention().AddInterceptors(OutboxCommitInterceptor.Instance);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageEntityTypeConfiguration());
    }

    /// <summary>Adds an integration event to the outbox; it is published once the current transaction commits.</summary>
    public void AddIntegrationEvent<TEvent>(TEvent integrationEvent) where TEvent : Contracts.IntegrationEvent
    {
        OutboxMessages.Add(OutboxMessage.From(integrationEvent));
        KeepForReplay(integrationEvent);
        OutboxWritten = true;
    }

    /// <summary>Adds the events an aggregate raised, in the order it raised them.</summary>
    public void AddIntegrationEvents(IEnumerable<Contracts.IntegrationEvent> integrationEvents)
    {
        ArgumentNullException.ThrowIfNull(integrationEvents);
        foreach (var integrationEvent in integrationEvents)
        {
            OutboxMessages.Add(OutboxMessage.From(integrationEvent));
            KeepForReplay(integrationEvent);
        }

        OutboxWritten = true;
    }

    /// <summary>
    /// What of <paramref name="integrationEvent"/> to keep in <c>replay_history</c> for a reporting rebuild: null (the
    /// default) for an event reporting does not consume, else the event without what reporting does not read. A service
    /// that overrides it maps <see cref="ReplayHistoryEntityTypeConfiguration"/>.
    /// </summary>
    protected virtual Contracts.IntegrationEvent? ForReplay(Contracts.IntegrationEvent integrationEvent) => null;

    private void KeepForReplay(Contracts.IntegrationEvent integrationEvent)
    {
        if (ForReplay(integrationEvent) is { } kept)
        {
            Set<ReplayHistoryEntry>().Add(ReplayHistoryEntry.From(kept));
        }
    }
}
