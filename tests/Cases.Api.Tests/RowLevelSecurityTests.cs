using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Data;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class RowLevelSecurityTests(CasesApiFactory factory)
{
    [Fact]
    public async Task RuntimeRole_UnderTenantA_SeesNoRowOfTenantB_EvenWithoutWhere()
    {
        var tenantA = TestEnvironment.NewTenant();
        var tenantB = TestEnvironment.NewTenant();
        var caseOfA = await OpenCaseAsync(tenantA);
        var caseOfB = await OpenCaseAsync(tenantB);

        await using var connection = await RuntimeDataSource().OpenConnectionAsync();
        var tenants = await ReadAsync(connection, tenantA, "SELECT tenant_id, id FROM cases");

        Assert.Contains((tenantA, caseOfA), tenants);
        Assert.DoesNotContain(tenants, row => row.Id == caseOfB);
        Assert.All(tenants, row => Assert.Equal(tenantA, row.Tenant));
    }

    [Fact]
    public async Task RuntimeRole_WithoutTenant_SeesNothing()
    {
        await OpenCaseAsync(TestEnvironment.NewTenant());

        await using var connection = await RuntimeDataSource().OpenConnectionAsync();
        var rows = await ReadAsync(connection, tenant: null, "SELECT tenant_id, id FROM cases");

        Assert.Empty(rows);
    }

    [Fact]
    public async Task RuntimeRole_IsNeitherSuperuserNorOwner_NorBypassesRowLevelSecurity()
    {
        await using var connection = await RuntimeDataSource().OpenConnectionAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT r.rolsuper, r.rolbypassrls, t.tableowner = current_user, c.relforcerowsecurity
            FROM pg_roles r, pg_tables t JOIN pg_class c ON c.relname = t.tablename
            WHERE r.rolname = current_user AND t.tablename = 'cases'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.False(reader.GetBoolean(0), "superuser");
        Assert.False(reader.GetBoolean(1), "bypasses RLS");
        Assert.False(reader.GetBoolean(2), "owns the table");
        Assert.True(reader.GetBoolean(3), "RLS not forced");
    }

    private NpgsqlDataSource RuntimeDataSource() => factory.Services.GetRequiredService<ServiceDatabase>().RuntimeDataSource;

    private async Task<Guid> OpenCaseAsync(string tenant)
    {
        var response = await factory.ClientFor(tenant, "stadt-rietberg", "case_manager").OpenAsync(CaseRequests.Valid());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<(string Tenant, Guid Id)>> ReadAsync(NpgsqlConnection connection, string? tenant, string sql)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        if (tenant is not null)
        {
            await using var set = new NpgsqlCommand("SELECT set_config('kim.tenant', @tenant, true)", connection, transaction);
            set.Parameters.AddWithValue("tenant", tenant);
            await set.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, Guid)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetGuid(1)));
        }

        return rows;
    }
}
