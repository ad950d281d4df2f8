using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Data;
using KimPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>The counters as the runtime role the service runs as: row-level security, not the queries, keeps tenants apart.</summary>
[Collection(ReportingApiCollection.Name)]
public sealed class RowLevelSecurityTests(ReportingApiFactory factory)
{
    [Fact]
    public async Task RuntimeRole_UnderTenantA_SelectsOnlyTenantAsCounters_EvenWithoutWhere()
    {
        var (tenantA, tenantB) = (TestEnvironment.NewTenant(), TestEnvironment.NewTenant());
        await factory.DeliverAsync(new CaseEvents(tenantA).Opened(), new CaseEvents(tenantB).Opened());

        await using var connection = await RuntimeDataSource().OpenConnectionAsync();
        await using var transaction = await UnderTenantAsync(connection, tenantA);
        await using var select = new NpgsqlCommand("SELECT tenant_id FROM counters UNION ALL SELECT tenant_id FROM case_states", connection, transaction);
        var tenants = new List<string>();
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tenants.Add(reader.GetString(0));
            }
        }

        Assert.Contains(tenantA, tenants);
        Assert.All(tenants, tenant => Assert.Equal(tenantA, tenant));
        Assert.True(await factory.CountAsync("SELECT count(*) FROM counters WHERE tenant_id = @p0", tenantB) > 0);
    }

    [Fact]
    public async Task RuntimeRole_UnderTenantA_CannotInsertTenantBsCounter_42501()
    {
        var (tenantA, tenantB) = (TestEnvironment.NewTenant(), TestEnvironment.NewTenant());

        await using var connection = await RuntimeDataSource().OpenConnectionAsync();
        await using var transaction = await UnderTenantAsync(connection, tenantA);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO counters (tenant_id, figure, month, municipality, category, value) VALUES (@tenant, 'new', '2026-03-01', 'Rietberg', '', 1)",
            connection, transaction);
        insert.Parameters.AddWithValue("tenant", tenantB);

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Equal("new row violates row-level security policy for table \"counters\"", refusal.MessageText);
        await transaction.RollbackAsync();
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM counters WHERE tenant_id = @p0", tenantB));
    }

    private NpgsqlDataSource RuntimeDataSource() => factory.Services.GetRequiredService<ServiceDatabase>().RuntimeDataSource;

    private static async Task<NpgsqlTransaction> UnderTenantAsync(NpgsqlConnection connection, string tenant)
    {
        var transaction = await connection.BeginTransactionAsync();
        await using var setTenant = new NpgsqlCommand($"SELECT set_config('{TenantTransactionInterceptor.SettingName}', @tenant, true)", connection, transaction);
        setTenant.Parameters.AddWithValue("tenant", tenant);
        await setTenant.ExecuteNonQueryAsync();
        return transaction;
    }
}
