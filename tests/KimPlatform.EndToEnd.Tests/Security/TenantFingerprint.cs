using System.Globalization;
using System.Text;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>
/// Everything the four service databases hold for one tenant, reduced to a row count and a hash per table (every table
/// with a <c>tenant_id</c> column, outboxes included), read as the server's superuser past row-level security. Two equal
/// fingerprints mean that nothing of the tenant was written, changed or deleted in between.
/// </summary>
internal static class TenantFingerprint
{
    public static readonly string[] Databases = ["casesdb", "partnersdb", "eventsdb", "reportingdb"];

    private const string Pending = "outbox rows not yet published";

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(string tenant)
    {
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var database in Databases)
        {
            await using var connection = new NpgsqlConnection(
                new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = database }.ConnectionString);
            await connection.OpenAsync();
            var names = new List<string>();
            await using (var list = new NpgsqlCommand(
                "SELECT table_name FROM information_schema.columns WHERE column_name = 'tenant_id' AND table_schema = 'public' " +
                "AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE') ORDER BY 1", connection))
            await using (var reader = await list.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (var name in names)
            {
                await using var command = new NpgsqlCommand(
                    $"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{name}\" t WHERE t.tenant_id = @tenant",
                    connection);
                command.Parameters.AddWithValue("tenant", tenant);
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                tables[$"{database}.{name}"] = string.Create(CultureInfo.InvariantCulture, $"{reader.GetInt64(0)} rows {reader.GetString(1)}");
            }

            if (names.Contains("outbox_messages"))
            {
                await using var pending = new NpgsqlCommand(
                    "SELECT count(*) FROM outbox_messages WHERE tenant_id = @tenant AND dispatched_at IS NULL AND failed_at IS NULL", connection);
                pending.Parameters.AddWithValue("tenant", tenant);
                tables[$"{database}.{Pending}"] = Convert.ToString(await pending.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
            }
        }

        return tables;
    }

    /// <summary>
    /// The fingerprint once every outbox row of the tenant is published and nothing has changed for a second: the
    /// tenant's earlier writes have crossed the broker and been applied by their consumers.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> SettledAsync(string tenant)
    {
        var previous = await TakeAsync(tenant);
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var current = await TakeAsync(tenant);
            if (Difference(previous, current).Length == 0 && current.Where(entry => entry.Key.EndsWith(Pending, StringComparison.Ordinal)).All(entry => entry.Value == "0"))
            {
                return current;
            }

            previous = current;
        }

        throw new TimeoutException($"The data of {tenant} kept changing for 30 s.");
    }

    /// <summary>The tables whose content differs, with their counts before and after; empty when none does.</summary>
    public static string Difference(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var text = new StringBuilder();
        foreach (var table in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var was = before.GetValueOrDefault(table, "absent");
            var now = after.GetValueOrDefault(table, "absent");
            if (was != now)
            {
                text.Append(CultureInfo.InvariantCulture, $"{table}: {was} → {now}; ");
            }
        }

        return text.ToString();
    }
}
