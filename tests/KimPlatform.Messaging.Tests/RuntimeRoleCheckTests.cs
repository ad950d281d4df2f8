using KimPlatform.Messaging.Tests.Support;
using KimPlatform.Data;
using KimPlatform.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace KimPlatform.Messaging.Tests;

/// <summary>
/// County IT may provision the runtime role itself (<c>Database:ManageRuntimeRole=false</c>). A service then checks
/// the role at start-up and refuses one under which row-level security or the append-only log would be void.
/// </summary>
public sealed class RuntimeRoleCheckTests
{
    [Theory]
    [InlineData("BYPASSRLS", "", "BYPASSRLS")]
    [InlineData("SUPERUSER", "", "SUPERUSER")]
    [InlineData("", "GRANT UPDATE ON notes TO {role}", "append-only table notes")]
    [InlineData("", "GRANT TRUNCATE ON notes TO {role}", "append-only table notes")]
    public async Task ProvidedRuntimeRole_ThatCouldBypassProtection_RefusesToStart(string attributes, string grant, string named)
    {
        var owner = TestEnvironment.NewDatabase("rolecheck");
        await MigrateAsync(owner, manageRuntimeRole: true, runtimeUser: null);
        var role = await CreateRoleAsync(owner, attributes, grant);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => MigrateAsync(owner, manageRuntimeRole: false, runtimeUser: role));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        Assert.Contains("NOSUPERUSER NOBYPASSRLS", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProvidedRuntimeRole_WithOnlyItsGrants_Starts()
    {
        var owner = TestEnvironment.NewDatabase("rolecheck");
        await MigrateAsync(owner, manageRuntimeRole: true, runtimeUser: null);
        var role = await CreateRoleAsync(owner, "", "");

        await MigrateAsync(owner, manageRuntimeRole: false, runtimeUser: role);
    }

    private static async Task<string> CreateRoleAsync(string owner, string attributes, string grant)
    {
        var role = $"provided_{Guid.NewGuid():N}"[..24];
        await using var connection = new NpgsqlConnection(owner);
        await connection.OpenAsync();
        var sql = $"""
            CREATE ROLE {role} LOGIN {attributes};
            GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO {role};
            {grant.Replace("{role}", role, StringComparison.Ordinal)};
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
        return role;
    }

    private static async Task MigrateAsync(string owner, bool manageRuntimeRole, string? runtimeUser)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:notesdb"] = owner,
            ["Database:ManageRuntimeRole"] = manageRuntimeRole.ToString(),
            ["Database:RuntimeUser"] = runtimeUser,
        });
        builder.AddServiceDatabase<NotesDbContext>("notesdb", "notes");
        using var host = builder.Build();
        await host.Services.MigrateServiceDatabaseAsync<NotesDbContext>();
    }
}
