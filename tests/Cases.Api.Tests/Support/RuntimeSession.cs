using KimPlatform.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KimPlatform.Cases.Api.Tests.Support;

/// <summary>
/// A transaction as the service's runtime role (neither superuser nor table owner), under a tenant as the service
/// sets it, or under none: what row-level security and the grants allow the service itself.
/// </summary>
internal sealed class RuntimeSession : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private RuntimeSession(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<RuntimeSession> BeginAsync(CasesApiFactory factory, string? tenant)
    {
        var connection = await factory.Services.GetRequiredService<ServiceDatabase>().RuntimeDataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        var session = new RuntimeSession(connection, transaction);
        if (tenant is not null)
        {
            await session.ExecuteAsync("SELECT set_config('kim.tenant', @p0, true)", tenant);
        }

        return session;
    }

    /// <summary>Runs a statement; parameters are named <c>@p0</c>, <c>@p1</c>, …; returns the rows affected.</summary>
    public async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<List<T>> ReadAsync<T>(string sql, Func<NpgsqlDataReader, T> row, params object[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private NpgsqlCommand Command(string sql, object[] parameters)
    {
        var command = new NpgsqlCommand(sql, _connection, _transaction);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        return command;
    }
}
