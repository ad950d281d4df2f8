using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace KimPlatform.Messaging.Tests.Support;

/// <summary>Reads a host's <c>_error</c> queue on the broker.</summary>
public static class ErrorQueue
{
    /// <summary>
    /// The MassTransit message ids in <paramref name="queue"/>, read without acknowledging (they return to the queue
    /// when the connection closes); empty when the queue does not exist, as MassTransit declares it at the first fault.
    /// </summary>
    public static async Task<List<Guid>> MessageIdsAsync(string brokerAddress, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(brokerAddress) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ids = new List<Guid>();
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: false) is { } message)
            {
                using var envelope = JsonDocument.Parse(message.Body);
                ids.Add(envelope.RootElement.GetProperty("messageId").GetGuid());
            }
        }
        catch (OperationInterruptedException)
        {
            // The error queue is declared only when the first message faults.
        }

        return ids;
    }

    /// <summary>How many messages <paramref name="queue"/> holds (0 when it does not exist).</summary>
    public static async Task<uint> CountAsync(string brokerAddress, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(brokerAddress) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }
}
