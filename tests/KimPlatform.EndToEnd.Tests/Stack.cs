using System.Net.Http.Headers;
using System.Net.Http.Json;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.EndToEnd.Tests;

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
