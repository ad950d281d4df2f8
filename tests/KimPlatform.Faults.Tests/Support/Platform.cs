using System.Net.Http.Headers;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.Faults.Tests.Support;

/// <summary>The running stack: clients through its gateway, and its databases read as the superuser.</summary>
internal static class Platform
{
    public static HttpClient Gateway(string tenant, string organisation, params string[] roles)
    {
        var client = new HttpClient { BaseAddress = TestEnvironment.Gateway, Timeout = CallTimeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", DevTokens.Create(TestEnvironment.StackSigningKey, tenant, organisation, roles));
        return client;
    }

    /// <summary>How long a client waits for an answer; a call that takes it is a hang.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(30);

    public static Task<long> CountAsync(string database, string sql, params object[] parameters) =>
        Sql.CountAsync(Database(database), sql, parameters);

    public static string Database(string name) =>
        new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = name, Pooling = false, Timeout = 5 }.ConnectionString;
}
