using Npgsql;

namespace KimPlatform.Testing;

/// <summary>Looks for values anywhere in a database: every table of the public schema, every column, as text.</summary>
public static class DatabaseSearch
{
    /// <summary>
    /// Every (table, value) pair where a row of the table, cast to text as a whole, contains the value ignoring case.
    /// Run it as the superuser, so row-level security hides nothing.
    /// </summary>
    public static async Task<IReadOnlyList<(string Table, string Value)>> FindAsync(string connectionString, IEnumerable<string> values)
    {
        var wanted = values.ToArray();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Count == 0)
        {
            throw new InvalidOperationException("The database has no tables; the search would prove nothing.");
        }

        var found = new List<(string, string)>();
        foreach (var table in tables)
        {
            foreach (var value in wanted)
            {
                await using var search = new NpgsqlCommand(
                    $"SELECT EXISTS (SELECT 1 FROM \"{table}\" row WHERE strpos(lower(row::text), lower(@value)) > 0)", connection);
                search.Parameters.AddWithValue("value", value);
                if (await search.ExecuteScalarAsync() is true)
                {
                    found.Add((table, value));
                }
            }
        }

        return found;
    }
}
