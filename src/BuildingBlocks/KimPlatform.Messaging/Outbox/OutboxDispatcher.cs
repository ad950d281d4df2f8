using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using KimPlatform.Data;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KimPlatform.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows through MassTransit, oldest first, with the row id as MessageId. Wakes when this
/// process commits outbox rows (<see cref="OutboxSignal"/>) and polls for the rows of other processes. Rows are locked with SKIP LOCKED, so several replicas share
/// the work; a row is marked dispatched only after the broker confirmed it, so a crash re-publishes (at least
/// once) and the receivers' inboxes drop the repeat. A row that can never be published (unknown type, unreadable
/// payload) is quarantined (<c>failed_at</c>, <c>error</c>) and logged as an error, so it never blocks later events.
/// </summary>
public sealed partial class OutboxDispatcher(
    ServiceDatabase database,
    IBus bus,
    IOptions<OutboxOptions> options,
    OutboxMetrics metrics,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    var wakeUp = OutboxSignal.Next;
                    while (await DispatchBatchAsync(stoppingToken) == _options.BatchSize)
                    {
                    }

                    await CleanupAsync(stoppingToken);
                    await Task.WhenAny(wakeUp, Task.Delay(_options.PollingInterval, stoppingToken));
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                metrics.DispatchFailed(database.Name);
                // A publish that the broker's absence cancels surfaces as OperationCanceledException.
                if (DependencyOutage.IsTransient(exception) || exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException or OperationCanceledException)
                {
                    // Expected while the database or the broker is down: one line per attempt, no stack.
                    LogDispatchWaiting(logger, database.Name, DependencyOutage.Describe(exception));
                }
                else
                {
                    LogDispatchFailed(logger, exception, database.Name);
                }
                await Task.Delay(_options.RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Publishes one batch of pending events; returns how many rows it settled (published or quarantined).</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.RuntimeDataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var pending = new List<(Guid Id, string Type, string Payload)>();
        await using (var select = new NpgsqlCommand(
            $"""
            SELECT id, message_type, payload::text FROM {OutboxSchema.Table}
            WHERE dispatched_at IS NULL AND failed_at IS NULL ORDER BY sequence LIMIT @limit FOR UPDATE SKIP LOCKED
            """, connection, transaction))
        {
            select.Parameters.AddWithValue("limit", _options.BatchSize);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pending.Add((reader.GetGuid(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        if (pending.Count == 0)
        {
            return 0;
        }

        var published = new List<Guid>(pending.Count);
        var publishedTypes = new HashSet<string>(StringComparer.Ordinal);
        var quarantined = new List<(Guid Id, string Type, string Error)>();
        foreach (var (id, typeName, payload) in pending)
        {
            if (!TryRead(typeName, payload, out var type, out var message, out var error))
            {
                await QuarantineAsync(connection, transaction, id, error, cancellationToken);
                quarantined.Add((id, typeName, error));
                continue;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.PublishTimeout);
            await bus.Publish(message, type, context => context.MessageId = id, timeout.Token);
            published.Add(id);
            publishedTypes.Add(typeName);
        }

        if (published.Count > 0)
        {
            await MarkDispatchedAsync(connection, transaction, published.ToArray(), publishedTypes, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var (id, typeName, error) in quarantined)
        {
            LogQuarantined(logger, id, typeName, database.Name, error);
            metrics.Quarantined(database.Name);
        }

        metrics.Published(database.Name, published.Count);
        LogDispatched(logger, published.Count, database.Name);
        return pending.Count;
    }

    // One round trip: the rows are marked published, and the personal fields of the types that have any are nulled, only
    // for the types this batch published.
    private async Task MarkDispatchedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] ids, HashSet<string> types, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"UPDATE {OutboxSchema.Table} SET dispatched_at = now() WHERE id = ANY($1)")
        {
            Parameters = { new NpgsqlParameter { Value = ids } },
        });
        foreach (var (messageType, fields) in _options.PersonalFields)
        {
            if (!types.Contains(messageType))
            {
                continue;
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"UPDATE {OutboxSchema.Table} SET payload = payload || $1::jsonb WHERE id = ANY($2) AND message_type = $3")
            {
                Parameters =
                {
                    new NpgsqlParameter { Value = JsonSerializer.Serialize(fields.ToDictionary(field => field, _ => (object?)null)) },
                    new NpgsqlParameter { Value = ids },
                    new NpgsqlParameter { Value = messageType },
                },
            });
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool TryRead(
        string typeName, string payload, [NotNullWhen(true)] out Type? type, [NotNullWhen(true)] out object? message, out string error)
    {
        message = null;
        error = "";
        if (!IntegrationEventTypes.TryResolve(typeName, out type))
        {
            error = $"'{typeName}' is not an integration event of KimPlatform.Contracts.";
            return false;
        }

        try
        {
            message = JsonSerializer.Deserialize(payload, type, IntegrationEventTypes.SerializerOptions);
        }
        catch (JsonException exception)
        {
            error = $"The payload is no {typeName}: {exception.Message}";
            return false;
        }

        error = message is null ? $"The payload is no {typeName}: null." : "";
        return message is not null;
    }

    private static async Task QuarantineAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, string error, CancellationToken cancellationToken)
    {
        await using var quarantine = new NpgsqlCommand(
            $"UPDATE {OutboxSchema.Table} SET failed_at = now(), error = @error WHERE id = @id", connection, transaction);
        quarantine.Parameters.AddWithValue("id", id);
        quarantine.Parameters.AddWithValue("error", error.Length > OutboxSchema.ErrorMaxLength ? error[..OutboxSchema.ErrorMaxLength] : error);
        await quarantine.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow < _nextCleanup)
        {
            return;
        }

        _nextCleanup = DateTimeOffset.UtcNow + _options.CleanupInterval;
        await using var delete = database.RuntimeDataSource.CreateCommand(
            $"DELETE FROM {OutboxSchema.Table} WHERE dispatched_at < now() - @retention");
        delete.Parameters.AddWithValue("retention", _options.Retention);
        await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {Count} outbox events of {Database}")]
    private static partial void LogDispatched(ILogger logger, int count, string database);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Outbox row {Id} ({MessageType}) of {Database} can never be published and was quarantined: {Error}")]
    private static partial void LogQuarantined(ILogger logger, Guid id, string messageType, string database, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch of {Database} waits for a dependency; retrying: {Outage}")]
    private static partial void LogDispatchWaiting(ILogger logger, string database, string outage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch of {Database} failed; retrying")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string database);
}
