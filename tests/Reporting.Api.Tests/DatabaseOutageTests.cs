using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>A reporting database that refuses connections for a while delays an event; it never moves it to <c>_error</c>.</summary>
[Collection(ReportingApiCollection.Name)]
public sealed class DatabaseOutageTests(ReportingApiFactory factory)
{
    // Longer than the platform's default retries (200 ms, 1 s, 5 s), after which a message used to land in _error.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task CaseOpened_WhileTheDatabaseRefusesConnections_IsAppliedAfterRecovery_AndErrorQueueStaysEmpty()
    {
        var tenant = TestEnvironment.NewTenant();
        var opened = new CaseEvents(tenant, "Verl").Opened(CaseEvents.On(2026, 3, 4));
        var bus = factory.Services.GetRequiredService<IBus>();
        var database = new NpgsqlConnectionStringBuilder(factory.OwnerConnectionString).Database!;

        await SetConnectionsAllowedAsync(database, allowed: false);
        try
        {
            await bus.Publish(opened, context => context.MessageId = opened.EventId);
            await Task.Delay(Outage);
        }
        finally
        {
            await SetConnectionsAllowedAsync(database, allowed: true);
        }

        var applied = await Eventually.GetAsync(
            () => factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", opened.EventId), count => count == 1, TimeSpan.FromSeconds(90));
        Assert.Equal(1, applied);
        Assert.Equal(new Dictionary<string, long?> { ["Verl"] = 1 }, await Report.OpenCasesAsync(factory.CoordinatorOf(tenant), "?period=2026-03"));
        Assert.Equal(0u, await MessagesInAsync($"{factory.EndpointPrefix}-case-opened_error"));
    }

    private static async Task SetConnectionsAllowedAsync(string database, bool allowed)
    {
        var server = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var alter = new NpgsqlCommand($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS {(allowed ? "true" : "false")}", connection);
        await alter.ExecuteNonQueryAsync();
        if (!allowed)
        {
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @database AND pid <> pg_backend_pid()", connection);
            terminate.Parameters.AddWithValue("database", database);
            await terminate.ExecuteScalarAsync();
        }

        // This process's pooled connections to it are dead too.
        NpgsqlConnection.ClearAllPools();
    }

    private async Task<uint> MessagesInAsync(string queue)
    {
        var connectionFactory = new ConnectionFactory { Uri = new Uri(factory.VirtualHost.Address) };
        await using var connection = await connectionFactory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException missing) when (missing.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }
}
