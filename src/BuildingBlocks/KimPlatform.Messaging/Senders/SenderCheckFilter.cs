using KimPlatform.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KimPlatform.Messaging.Senders;

/// <summary>
/// Lets an integration event reach a consumer only when its sender is the service that owns the type. The sender is
/// the AMQP <c>user-id</c>, which RabbitMQ checks against the connection's user, so no service can claim another's name.
/// A refused message is logged as an error (type, id, sender, owner) and acknowledged without effect. It is not moved
/// to the <c>_error</c> or <c>_skipped</c> queue: MassTransit would forward it with its foreign user-id, which the
/// broker refuses on the consumer's connection.
/// </summary>
internal sealed partial class SenderCheckFilter<T>(IOptions<MessagingOptions> options, ILogger<SenderCheckFilter<T>> logger)
    : IFilter<ConsumeContext<T>> where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        if (options.Value.VerifySender && context.Message is IntegrationEvent)
        {
            var owner = IntegrationEventOwners.Of(typeof(T));
            var sender = context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var rabbit) ? rabbit.Properties?.UserId : null;
            if (owner is null || !string.Equals(sender, owner, StringComparison.Ordinal))
            {
                LogRefused(logger, typeof(T).Name, sender ?? "(none)", owner ?? "(nobody)", context.MessageId);
                // Settled here: otherwise MassTransit moves it to _skipped, with the foreign user-id the broker refuses.
                return context.NotifyConsumed(context, TimeSpan.Zero, "kimSenderCheck");
            }
        }

        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("kimSenderCheck");

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Refused {MessageType} {MessageId} from broker user {Sender}: only {Owner} may send it; dropped unapplied")]
    private static partial void LogRefused(ILogger logger, string messageType, string sender, string owner, Guid? messageId);
}
