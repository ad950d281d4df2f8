using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KimPlatform.Data;

/// <summary>
/// Brings a service database up to date at start-up: creates it if needed, applies the EF Core migrations as the
/// owner under an advisory lock (so replicas starting together migrate once), then makes sure the runtime role
/// exists and holds exactly its grants.
/// </summary>
public static partial class ServiceDatabaseMigrator
{
    // An arbitrary constant shared by every replica of every service; each database has its own lock space.
    private const long MigrationLockKey = 0x4b494d_4d494752;

    /// <summary>Migrates the database of <typeparamref name="TContext"/> registered with <c>AddServiceDatabase</c>.</summary>
    public static async Task MigrateServiceDatabaseAsync<TContext>(this IServiceProvider services, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var database = services.GetRequiredService<ServiceDatabase>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ServiceDatabaseMigrator));
        var ownerOptions = new DbContextOptionsBuilder<TContext>().UseNpgsql(database.OwnerConnectionString).Options;
        await using var context = ActivatorUtilities.CreateInstance<TContext>(services, ownerOptions);

        await CreateDatabaseIfMissingAsync(context, database, logger, cancellationToken);

        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await context.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger, database.Name, pending.Count);

            if (database.Options.ManageRuntimeRole)
            {
                await EnsureRuntimeRoleAsync(database, cancellationToken);
            }

            await VerifyRuntimeRoleAsync(connection, database, cancellationToken);
        }
        finally
        {
            // A broken connection has lost its session lock already; unlocking it would only hide the real error.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
    }

    private static async Task CreateDatabaseIfMissingAsync(DbContext context, ServiceDatabase database, ILogger logger, CancellationToken cancellationToken)
    {
        var creator = context.GetService<IRelationalDatabaseCreator>();
        var deadline = DateTimeOffset.UtcNow + database.Options.StartupTimeout;
        while (true)
        {
            try
            {
                if (!await creator.ExistsAsync(cancellationToken))
                {
                    await creator.CreateAsync(cancellationToken);
                }

                return;
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                return; // another replica created it a moment ago
            }
            catch (NpgsqlException exception) when (exception is not PostgresException && DateTimeOffset.UtcNow < deadline)
            {
                LogWaiting(logger, database.Name, exception.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    // Roles live in the cluster's shared catalogue, outside any one database's advisory lock: hosts of several
    // databases (test hosts in one process, or services sharing a role) may change the same role at once, and
    // PostgreSQL then refuses one with "tuple concurrently updated" and drops its connection. So role changes are
    // serialised within the process, and a loser across processes tries again on a fresh connection.
    private static readonly SemaphoreSlim RoleChanges = new(1, 1);

    private static async Task EnsureRuntimeRoleAsync(ServiceDatabase database, CancellationToken cancellationToken)
    {
        await RoleChanges.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
                    await connection.OpenAsync(cancellationToken);
                    await EnsureRuntimeRoleAsync(connection, database, cancellationToken);
                    return;
                }
                catch (PostgresException exception) when (attempt < 10 && exception.SqlState == PostgresErrorCodes.InternalError
                    && exception.MessageText.Contains("concurrently", StringComparison.Ordinal))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
                }
            }
        }
        finally
        {
            RoleChanges.Release();
        }
    }

    private static async Task EnsureRuntimeRoleAsync(NpgsqlConnection connection, ServiceDatabase database, CancellationToken cancellationToken)
    {
        var role = database.RuntimeUser;
        if (!RoleName().IsMatch(role))
        {
            throw new InvalidOperationException($"'{role}' is not an acceptable runtime role name (lowercase letters, digits, underscores).");
        }

        var password = database.Options.RuntimePassword is { Length: > 0 } secret
            ? $"PASSWORD '{secret.Replace("'", "''", StringComparison.Ordinal)}'"
            : "PASSWORD NULL";
        // Roles are cluster-wide, so replicas of several databases may race to create the same one.
        try
        {
            await ExecuteAsync(connection, $"""
                DO $$ BEGIN
                  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                    CREATE ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
                  END IF;
                END $$;
                """, cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
        }

        await ExecuteAsync(connection, $"ALTER ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS {password}", cancellationToken);
        await ExecuteAsync(connection, $"""
            GRANT CONNECT ON DATABASE "{connection.Database}" TO {role};
            GRANT USAGE ON SCHEMA public TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            REVOKE ALL ON "__EFMigrationsHistory" FROM {role};
            """, cancellationToken);
        foreach (var table in database.AppendOnlyTables)
        {
            await ExecuteAsync(connection, $"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {role}", cancellationToken);
        }
    }

    // Row-level security and the append-only audit log hold only for a role that cannot bypass them. County IT may
    // provision the role itself (ManageRuntimeRole=false), so the service checks the role it is given and refuses
    // to serve with one that would make both silently void.
    private static async Task VerifyRuntimeRoleAsync(NpgsqlConnection connection, ServiceDatabase database, CancellationToken cancellationToken)
    {
        var role = database.RuntimeUser;
        var problems = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = @role", connection))
        {
            command.Parameters.AddWithValue("role", role);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                problems.Add("the role does not exist");
            }
            else
            {
                if (reader.GetBoolean(0)) problems.Add("it is SUPERUSER");
                if (reader.GetBoolean(1)) problems.Add("it has BYPASSRLS");
            }
        }

        if (problems.Count == 0)
        {
            await using var owned = new NpgsqlCommand(
                "SELECT string_agg(tablename, ', ') FROM pg_tables WHERE schemaname = 'public' AND tableowner = @role", connection);
            owned.Parameters.AddWithValue("role", role);
            if (await owned.ExecuteScalarAsync(cancellationToken) is string tables)
            {
                problems.Add($"it owns tables ({tables})");
            }

            foreach (var table in database.AppendOnlyTables)
            {
                await using var privileges = new NpgsqlCommand("""
                    SELECT has_table_privilege(@role, @table, 'UPDATE') OR has_table_privilege(@role, @table, 'DELETE')
                        OR has_table_privilege(@role, @table, 'TRUNCATE')
                    """, connection);
                privileges.Parameters.AddWithValue("role", role);
                privileges.Parameters.AddWithValue("table", table);
                if (await privileges.ExecuteScalarAsync(cancellationToken) is true)
                {
                    problems.Add($"it may UPDATE, DELETE or TRUNCATE the append-only table {table}");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The runtime role '{role}' of {database.Name} is not safe to serve with: {string.Join("; ", problems)}. " +
                $"It must be a LOGIN role with NOSUPERUSER NOBYPASSRLS that owns no table and has no UPDATE, DELETE or TRUNCATE " +
                $"on {string.Join(", ", database.AppendOnlyTables.DefaultIfEmpty("(none)"))}. Fix the role, or let the service " +
                "manage it (Database:ManageRuntimeRole=true).");
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Database {Database} is up to date ({Applied} migrations applied now)")]
    private static partial void LogMigrated(ILogger logger, string database, int applied);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for database server of {Database}: {Reason}")]
    private static partial void LogWaiting(ILogger logger, string database, string reason);
}
