using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.Messaging.Tests;

/// <summary>
/// The PostgreSQL that kim runs asks every connection for its password (SCRAM); it no longer trusts whoever can reach
/// the port. Checked against the running instance, as its superuser, with no password and with a wrong one.
/// </summary>
public sealed class DatabaseAuthenticationTests
{
    [Fact]
    public async Task Open_AsSuperuserWithoutPassword_IsRefused()
    {
        var withoutPassword = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer)
        {
            Password = null, Passfile = EmptyPassfile, Pooling = false, Database = "postgres",
        };

        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(withoutPassword.ConnectionString));

        Assert.Contains("password", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Open_AsSuperuserWithWrongPassword_IsRefusedByTheServer()
    {
        var wrongPassword = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer)
        {
            Password = "not-the-password", Passfile = EmptyPassfile, Pooling = false, Database = "postgres",
        };

        var refused = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(wrongPassword.ConnectionString));

        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);
    }

    [Fact]
    public async Task Open_AsSuperuserWithThePassword_Connects()
    {
        var withPassword = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Pooling = false, Database = "postgres" };

        await OpenAsync(withPassword.ConnectionString);
    }

    // An empty password file, so that no ~/.pgpass of the machine supplies the password.
    private static readonly string EmptyPassfile = Path.GetTempFileName();

    private static async Task OpenAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
    }
}
