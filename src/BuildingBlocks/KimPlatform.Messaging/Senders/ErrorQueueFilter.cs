using MassTransit;
using MassTransit.RabbitMqTransport;
using MassTransit.Transports;
using RabbitMQ.Client;

namespace KimPlatform.Messaging.Senders;

/// <summary>
/// Moves a message that faulted to its endpoint's <c>_error</c> queue, as MassTransit's own error transport does, but
/// without the sender's AMQP <c>user-id</c>. MassTransit copies every property of the message it moves, and RabbitMQ
/// refuses a publish whose user-id is not the connection's: another service's event could then never leave the queue
/// (the move fails, the message comes back, faults again). The sender, which the broker checked on the way in, is kept
/// in the <see cref="SenderHeader"/> header; <c>./kim requeue-errors</c> restores the user-id from it. Messages this
/// service sent itself take MassTransit's path unchanged.
/// </summary>
internal sealed class ErrorQueueFilter(string brokerUser) : IFilter<ExceptionReceiveContext>
{
    /// <summary>The broker user that sent a parked message.</summary>
    public const string SenderHeader = "KIM-Sender";

    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        if (context.TryGetPayload(out RabbitMqBasicConsumeContext? consumed)
            && consumed.Properties.UserId is { Length: > 0 } sender
            && !string.Equals(sender, brokerUser, StringComparison.Ordinal)
            && context.TryGetPayload(out ChannelContext? channel))
        {
            await MoveAsync(context, consumed, channel, sender).ConfigureAwait(false);
        }
        else
        {
            if (!context.TryGetPayload(out IErrorTransport? transport))
            {
                throw new TransportException(context.InputAddress, "The error transport was not available on the receive context.");
            }

            await transport.Send(context).ConfigureAwait(false);
        }

        await next.Send(context).ConfigureAwait(false);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("kimErrorQueue");

    private static async Task MoveAsync(ExceptionReceiveContext context, RabbitMqBasicConsumeContext consumed, ChannelContext channel, string sender)
    {
        var properties = new BasicProperties(consumed.Properties) { UserId = null, Expiration = null };
        properties.Headers = new Dictionary<string, object?>(properties.Headers ?? new Dictionary<string, object?>(), StringComparer.OrdinalIgnoreCase)
        {
            [SenderHeader] = sender,
        };
        SendHeaders headers = new MoveTransportHeaders(properties);
        headers.SetHostHeaders();
        headers.SetExceptionHeaders(context);

        // The same exchange and queue MassTransit declares for the endpoint (a fanout exchange bound to a durable queue).
        var errorQueue = context.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1] + "_error";
        var none = new Dictionary<string, object>();
        var cancellation = context.CancellationToken;
        await channel.ExchangeDeclare(errorQueue, ExchangeType.Fanout, durable: true, autoDelete: false, none, cancellation).ConfigureAwait(false);
        await channel.QueueDeclare(errorQueue, durable: true, exclusive: false, autoDelete: false, none, cancellation).ConfigureAwait(false);
        await channel.QueueBind(errorQueue, errorQueue, "", none, cancellation).ConfigureAwait(false);
        await channel.BasicPublishAsync(errorQueue, consumed.RoutingKey, mandatory: true, properties, context.GetBody(), awaitAck: true, cancellation)
            .ConfigureAwait(false);
    }
}
