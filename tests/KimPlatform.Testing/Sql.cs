using System.Globalization;
using Npgsql;

namespace KimPlatform.Testing;

/// <summary>Reads what a database really holds, as the connection's user (the superuser in tests: past row-level security).</summary>
public static class Sql
{
    /// <summary>Runs a query that returns one number; parameters are named <c>@p0</c>, <c>@p1</c>, ….</summary>
    public static async Task<long> CountAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
