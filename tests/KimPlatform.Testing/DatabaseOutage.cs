using Npgsql;

namespace KimPlatform.Testing;

/// <summary>
/// Makes one database of the test server unavailable, as a restart or failover would for its service: new connections
/// are refused and the open ones are terminated, while the other tests' databases on the same server stay up.
/// Disposing ends the outage.
/// </summary>
public sealed class DatabaseOutage : IAsyncDisposable
{
    private readonly string _database;
    private bool _ended;

    private DatabaseOutage(string database) => _database = database;

    /// <param name="connectionString">A connection string that names the database, e.g. a test host's owner connection.</param>
    public static async Task<DatabaseOutage> BeginAsync(string connectionString)
    {
        var outage = new DatabaseOutage(new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString)));
        await outage.AdminAsync($"ALTER DATABASE \"{outage._database}\" ALLOW_CONNECTIONS false");
        await outage.AdminAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid()");
        return outage;
    }

    public async Task EndAsync()
    {
        if (!_ended)
        {
            await AdminAsync($"ALTER DATABASE \"{_database}\" ALLOW_CONNECTIONS true");
            _ended = true;
        }
    }

    public async ValueTask DisposeAsync() => await EndAsync();

    private async Task AdminAsync(string sql)
    {
        var admin = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("database", _database);
        await command.ExecuteNonQueryAsync();
    }
}
