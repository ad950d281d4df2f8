using KimPlatform.Contracts;
using KimPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KimPlatform.Cases.Api.Tests.Support;

/// <summary>What the cases database really holds, read past row-level security, for "nothing was stored" claims.</summary>
internal static class StoredState
{
    /// <summary>
    /// One case's row as text, the number of its audit entries and of its events in the outbox. Equal snapshots
    /// before and after a refused request mean the request stored nothing about the case.
    /// </summary>
    public static async Task<string> SnapshotAsync(this CasesApiFactory factory, Guid caseId)
    {
        await using var connection = new NpgsqlConnection(factory.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT concat_ws(' | ',
              (SELECT c::text FROM cases c WHERE c.id = @id),
              'audit: ' || (SELECT count(*) FROM audit_entries WHERE case_id = @id),
              'outbox: ' || (SELECT count(*) FROM outbox_messages WHERE payload->>'caseId' = @id::text))
            """, connection);
        command.Parameters.AddWithValue("id", caseId);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Publishes an event as the partners service would, with its event id as message id, and waits for the evidence
    /// that the cases service has consumed it: its inbox row, written in the same transaction as its effects.
    /// </summary>
    public static async Task PublishAndAwaitInboxAsync<TEvent>(this CasesApiFactory factory, TEvent message)
        where TEvent : IntegrationEvent
    {
        await factory.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = message.EventId);
        var consumed = await Eventually.GetAsync(
            () => factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", message.EventId), count => count > 0);
        Assert.True(consumed > 0, $"{typeof(TEvent).Name} {message.EventId} was not consumed.");
    }
}
