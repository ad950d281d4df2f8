using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using Microsoft.Extensions.Logging;

namespace KimPlatform.Messaging.Replay;

/// <summary>
/// Answers reporting's rebuild request: the tenant's kept events go through the outbox again (<see cref="ReplayHistory"/>).
/// Each service derives its <c>ReportingRebuildRequestedConsumer</c> from it.
/// </summary>
public abstract partial class HistoryReplayConsumer<TContext>(TContext db, CurrentTenant tenant, ILogger logger)
    : InboxConsumer<ReportingRebuildRequested, TContext>(db, tenant)
    where TContext : ServiceDbContext
{
    /// <inheritdoc />
    protected override async Task ApplyAsync(ReportingRebuildRequested message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var replayed = await Db.ReplayAsync(message.TenantId, message.RebuildId, cancellationToken);
        LogReplayed(logger, replayed, message.TenantId, message.RebuildId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reporting rebuild {RebuildId}: {Count} events of tenant {TenantId} queued for replay")]
    private static partial void LogReplayed(ILogger logger, int count, string tenantId, Guid rebuildId);
}
