using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Data;
using KimPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>case_facts as the runtime role the service runs as: row-level security, not the queries, keeps tenants apart.</summary>
[Collection(ReportingApiCollection.Name)]
public sealed class RowLevelSecurityTests(ReportingApiFactory factory)
{
    [Fact]
    public async Task RuntimeRole_UnderTenantA_SelectsOnlyTenantAsFacts_EvenWithoutWhere()
    {
        var (tenantA, tenantB) = (TestEnvironment.NewTenant(), TestEnvironment.NewTenant());
        var (caseOfA, caseOfB) = (new CaseEvents(tenantA), new CaseEvents(tenantB));
        await factory.DeliverAsync(caseOfA.Opened(), caseOfB.Opened());

        await using var connection = await RuntimeDataSource().OpenConnectionAsync();
        await using var transaction = await UnderTenantAsync(connection, tenantA);
        await using var select = new NpgsqlCommand("SELECT tenant_id, case_id FROM case_facts", connection, transaction);
        var rows = new List<(string Tenant, Guid CaseId)>();
        await using (var reader = await select.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.GetGuid(1)));
            }
        }

        Assert.Contains((tenantA, caseOfA.CaseId), rows);
        Assert.All(rows, row => Assert.Equal(tenantA, row.Tenant));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM case_facts WHERE case_id = @p0", caseOfB.CaseId));
    }

    [Fact]
    public async Task RuntimeRole_UnderTenantA_CannotInsertTenantBsFact_42501()
    {
        var (tenantA, tenantB) = (TestEnvironment.NewTenant(), TestEnvironment.NewTenant());
        var caseId = Guid.CreateVersion7();

        await using var connection = await RuntimeDataSource().OpenConnectionAsync();
        await using var transaction = await UnderTenantAsync(connection, tenantA);
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO case_facts (case_id, tenant_id, organisation_id, municipality, age_band, residence_status, target_groups,
                                    reachability, phase, opened_at, version)
            VALUES (@id, @tenant, 'stadt-rietberg', 'Rietberg', '27-44', 'asylum-seeker', '{}', 'medium', 'intake', now(), 1)
            """, connection, transaction);
        insert.Parameters.AddWithValue("id", caseId);
        insert.Parameters.AddWithValue("tenant", tenantB);

        var refusal = await Assert.ThrowsAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        Assert.Equal("new row violates row-level security policy for table \"case_facts\"", refusal.MessageText);
        await transaction.RollbackAsync();
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM case_facts WHERE case_id = @p0", caseId));
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
