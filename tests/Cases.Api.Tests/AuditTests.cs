using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Data;
using KimPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class AuditTests(CasesApiFactory factory)
{
    [Fact]
    public async Task ReadsAndWrites_AppendAuditEntries_WithUserOrganisationActionAndFields()
    {
        var session = new CaseSession(factory.ClientFor(TestEnvironment.NewTenant(), "caritas-guetersloh", "case_manager"));
        var id = await session.OpenAsync();
        await session.GetAsync(id);
        await session.ChangeOkAsync(id, "/assessment", Bodies.Assessment);
        await session.Client.GetAsync($"/api/cases/{id}/export");

        var audit = await session.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/audit");

        var actions = audit.EnumerateArray().Select(entry => entry.GetProperty("action").GetString()!).ToArray();
        Assert.Equal(["open", "read", "assessment", "export", "audit-read"], actions);
        Assert.All(audit.EnumerateArray(), entry =>
        {
            Assert.Equal("caritas-guetersloh", entry.GetProperty("organisationId").GetString());
            Assert.StartsWith("user-", entry.GetProperty("userId").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(["needs", "phase"], audit[2].GetProperty("fields").EnumerateArray().Select(field => field.GetString()));
    }

    [Theory]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("UPDATE audit_entries SET action = 'nothing'")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task ServiceDatabaseRole_CannotChangeOrDeleteAuditEntries(string sql)
    {
        var tenant = TestEnvironment.NewTenant();
        var session = new CaseSession(factory.ClientFor(tenant, "caritas-guetersloh", "case_manager"));
        await session.OpenAsync();
        var before = await factory.CountAsync("SELECT count(*) FROM audit_entries WHERE tenant_id = @p0 AND action = 'open'", tenant);

        await using var connection = await factory.Services.GetRequiredService<ServiceDatabase>().RuntimeDataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand("SELECT set_config('kim.tenant', @tenant, true)", connection, transaction))
        {
            set.Parameters.AddWithValue("tenant", tenant);
            await set.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        var denied = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        Assert.Equal(before, await factory.CountAsync("SELECT count(*) FROM audit_entries WHERE tenant_id = @p0 AND action = 'open'", tenant));
    }
}
