using System.Net.Http.Headers;
using System.Net.Http.Json;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.EndToEnd.Tests.Support;

/// <summary>Clients of the running stack, authenticated the way the identity provider would authenticate them.</summary>
internal static class Stack
{
    public static HttpClient Gateway(string? tenant = null, string organisation = "stadt-rietberg", params string[] roles) =>
        Client(TestEnvironment.Gateway, tenant, organisation, roles);

    public static HttpClient Client(Uri address, string? tenant, string organisation, string[] roles)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (tenant is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Bearer", DevTokens.Create(TestEnvironment.StackSigningKey, tenant, organisation, roles));
        }

        return client;
    }

    /// <summary>A service of the running stack, reached directly (not through the gateway).</summary>
    public static Uri Service(string name)
    {
        var variable = $"KIM_TEST_{name[..name.IndexOf('-', StringComparison.Ordinal)].ToUpperInvariant()}_URL";
        return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } address
            ? new Uri(address)
            : throw new InvalidOperationException($"{variable} is not set. The end-to-end tests need the stack that `./kim test` starts.");
    }

    public static object NewCase(string municipality) => new
    {
        person = new
        {
            givenName = "Ahmad",
            familyName = "Haidari",
            birthDate = "1999-07-01",
            languages = new[] { "fa", "de" },
            residenceStatus = "asylum-seeker",
            municipality,
        },
        targetGroups = new[] { "young-adults" },
        reachability = "low",
    };

    public static async Task OpenCasesAsync(HttpClient caseManager, string municipality, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var response = await caseManager.PostAsJsonAsync("/api/cases", NewCase(municipality));
            Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        }
    }

    /// <summary>What the cases database really holds for a tenant, read as the server's superuser.</summary>
    public static Task<long> CountStoredCasesAsync(string tenant) => Sql.CountAsync(
        new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "casesdb" }.ConnectionString,
        "SELECT count(*) FROM cases WHERE tenant_id = @p0",
        tenant);
}
