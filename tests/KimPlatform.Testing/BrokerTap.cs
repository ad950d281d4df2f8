using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace KimPlatform.Testing;

/// <summary>
/// Listens on the real broker to what MassTransit publishes for one contract type, through a queue of its own
/// bound to the type's exchange, so a test can read the event exactly as every subscriber receives it.
/// </summary>
public sealed class BrokerTap : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;
    private readonly ConcurrentQueue<JsonElement> _messages = new();

    private BrokerTap(IConnection connection, IChannel channel)
    {
        _connection = connection;
        _channel = channel;
    }

    /// <summary>Every message received so far: the MassTransit envelope's <c>message</c> part.</summary>
    public IReadOnlyList<JsonElement> Messages => _messages.ToArray();

    public static async Task<BrokerTap> StartAsync(string contractType, string? brokerAddress = null)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(brokerAddress ?? TestEnvironment.RabbitMq) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var exchange = $"KimPlatform.Contracts:{contractType}";
        // Declared as MassTransit declares it, so whichever comes first, both agree.
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync(queue: "", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, routingKey: "");

        var tap = new BrokerTap(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            using var envelope = JsonDocument.Parse(delivery.Body);
            tap._messages.Enqueue(envelope.RootElement.GetProperty("message").Clone());
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return tap;
    }

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
