using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Messaging.Replay;

/// <summary>Re-publishes a tenant's kept events through the outbox for a reporting rebuild.</summary>
public static class ReplayHistory
{
    /// <summary>The history's table.</summary>
    public const string Table = "replay_history";

    /// <summary>
    /// Copies the history of <paramref name="tenantId"/> (the tenant of the running transaction, which row-level
    /// security enforces) into the outbox in its original order, in one statement, each copy marked with <paramref name="rebuildId"/>.
    /// The copies keep their event id, version and time; their outbox ids (the message ids) derive from the rebuild
    /// and the event, so a request that is handled twice adds nothing the second time. Returns how many were added.
    /// </summary>
    public static Task<int> ReplayAsync(this ServiceDbContext db, string tenantId, Guid rebuildId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rebuild = rebuildId.ToString();
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO outbox_messages (id, message_type, payload, tenant_id, occurred_at)
            SELECT md5({rebuild} || history.id::text)::uuid, history.message_type,
                   history.payload || jsonb_build_object('replayId', {rebuild}), history.tenant_id, history.occurred_at
            FROM replay_history history
            WHERE history.tenant_id = {tenantId}
            ORDER BY history.sequence
            ON CONFLICT (id) DO NOTHING
            """,
            cancellationToken);
    }
}
