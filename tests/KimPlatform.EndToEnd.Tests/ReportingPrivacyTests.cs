using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>Through the gateway, cases with names and birth dates go in; reporting's database holds none of them, nor any case id.</summary>
public sealed class ReportingPrivacyTests
{
    [Fact]
    public async Task CasesThroughTheGateway_ReportingDatabase_HoldsNoNameBirthDateOrCaseId()
    {
        var tenant = TestEnvironment.NewTenant();
        var caseManager = Stack.Gateway(tenant, "stadt-verl", "case_manager");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var (given, family, birthDate) = ($"Zofia{marker}", $"Wiśniewska{marker}", "1977-05-23");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var response = await caseManager.PostAsJsonAsync("/api/cases", new
            {
                person = new { givenName = given, familyName = family, birthDate, languages = new[] { "pl" }, residenceStatus = "eu-citizen", municipality = "Verl" },
                targetGroups = new[] { "women" },
                reachability = "good",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        var states = await Eventually.GetAsync(
            () => Sql.CountAsync(ReportingDb, "SELECT count(*) FROM case_states WHERE tenant_id = @p0", tenant), count => count == 3);
        Assert.Equal(3, states);

        var needles = new[] { given, family, birthDate, "23.05.1977" }
            .Concat(ids.SelectMany(id => new[] { id.ToString(), id.ToString("N") })).ToArray();
        foreach (var table in await TablesAsync())
        {
            foreach (var needle in needles)
            {
                Assert.True(
                    await Sql.CountAsync(ReportingDb, $"SELECT count(*) FROM \"{table}\" AS stored WHERE stored::text ILIKE '%' || @p0 || '%'", needle) == 0,
                    $"{table} holds '{needle}'.");
            }
        }
    }

    private static string ReportingDb => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "reportingdb" }.ConnectionString;

    private static async Task<IReadOnlyList<string>> TablesAsync()
    {
        await using var connection = new NpgsqlConnection(ReportingDb);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", connection);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}
