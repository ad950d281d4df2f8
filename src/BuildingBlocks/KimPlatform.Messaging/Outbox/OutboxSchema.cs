using Microsoft.EntityFrameworkCore.Migrations;

namespace KimPlatform.Messaging.Outbox;

/// <summary>The outbox's table, and the notify trigger that early migrations created and a later one drops (see <see cref="OutboxSignal"/>).</summary>
public static class OutboxSchema
{
    public const string Table = "outbox_messages";

    /// <summary>How much of a quarantined row's error is kept.</summary>
    public const int ErrorMaxLength = 2000;

    /// <summary>The channel the dispatcher <c>LISTEN</c>s on; notifications arrive only when the inserting transaction commits.</summary>
    public const string NotifyChannel = "kim_outbox";

    /// <summary>Creates the statement-level trigger that notifies the dispatcher of new outbox rows.</summary>
    public const string CreateNotifyTriggerSql = $"""
        CREATE OR REPLACE FUNCTION kim_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          PERFORM pg_notify('{NotifyChannel}', '');
          RETURN NULL;
        END $$;
        DROP TRIGGER IF EXISTS outbox_messages_notify ON {Table};
        CREATE TRIGGER outbox_messages_notify AFTER INSERT ON {Table}
          FOR EACH STATEMENT EXECUTE FUNCTION kim_outbox_notify();
        """;

    /// <summary>Adds the notify trigger; kept for the services' initial migrations, which a later one undoes.</summary>
    public static void CreateOutboxNotifyTrigger(this MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(CreateNotifyTriggerSql);
    }

    /// <summary>Drops the notify trigger: it serialised the commits of every write (see <see cref="OutboxSignal"/>).</summary>
    public static void DropOutboxNotifyTrigger(this MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql($"DROP TRIGGER IF EXISTS outbox_messages_notify ON {Table}; DROP FUNCTION IF EXISTS kim_outbox_notify();");
    }
}
