using Npgsql;

namespace KimPlatform.Data;

/// <summary>The owner and runtime connections of one service's database, and the tables the runtime role may only append to.</summary>
public sealed class ServiceDatabase : IAsyncDisposable
{
    public ServiceDatabase(string name, string ownerConnectionString, string runtimeConnectionString, ServiceDatabaseOptions options, IReadOnlyCollection<string> appendOnlyTables)
    {
        Name = name;
        OwnerConnectionString = ownerConnectionString;
        RuntimeConnectionString = runtimeConnectionString;
        Options = options;
        AppendOnlyTables = appendOnlyTables;
        RuntimeDataSource = CreateDataSource(runtimeConnectionString, options.ConnectTimeout);
    }

    /// <summary>The connection name, e.g. <c>casesdb</c>.</summary>
    public string Name { get; }
    /// <summary>Connection of the owner that runs migrations.</summary>
    public string OwnerConnectionString { get; }
    /// <summary>Connection of the runtime role that serves requests and consumes messages.</summary>
    public string RuntimeConnectionString { get; }
    public ServiceDatabaseOptions Options { get; }
    /// <summary>Tables the runtime role may read and insert into but never update or delete (audit logs).</summary>
    public IReadOnlyCollection<string> AppendOnlyTables { get; }
    /// <summary>Pooled connections as the runtime role.</summary>
    public NpgsqlDataSource RuntimeDataSource { get; }

    public string RuntimeUser => new NpgsqlConnectionStringBuilder(RuntimeConnectionString).Username
        ?? throw new InvalidOperationException($"The runtime connection of '{Name}' names no user.");

    // A request must fail fast while the server is down (and answer 503), not wait Npgsql's 15 s default; a timeout the
    // connection string names explicitly wins.
    private static NpgsqlDataSource CreateDataSource(string connectionString, TimeSpan connectTimeout)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!given.ContainsKey("Timeout") && !given.ContainsKey("Connect Timeout"))
        {
            builder.ConnectionStringBuilder.Timeout = (int)Math.Ceiling(connectTimeout.TotalSeconds);
        }

        return builder.Build();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => RuntimeDataSource.DisposeAsync();
}
