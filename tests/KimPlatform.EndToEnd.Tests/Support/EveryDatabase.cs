using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.EndToEnd.Tests.Support;

/// <summary>The running stack's service databases, searched and changed as the server's superuser, past row-level security.</summary>
internal static class EveryDatabase
{
    public static readonly string[] Names = ["casesdb", "partnersdb", "eventsdb", "reportingdb"];

    /// <summary>"database.table: value" for every table of every service database holding one of the values.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IEnumerable<string> values)
    {
        var wanted = values.ToArray();
        var hits = new List<string>();
        foreach (var database in Names)
        {
            hits.AddRange((await DatabaseSearch.FindAsync(ConnectionTo(database), wanted)).Select(hit => $"{database}.{hit.Table}: {hit.Value}"));
        }

        return hits;
    }

    /// <summary>Runs one statement in <paramref name="database"/>, e.g. to move a record's dates past its retention period.</summary>
    public static async Task<int> ExecuteAsync(string database, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionTo(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (value, index) in parameters.Select((value, index) => (value, index)))
        {
            command.Parameters.AddWithValue($"p{index}", value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    private static string ConnectionTo(string database) =>
        new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = database, Pooling = false }.ConnectionString;
}
