using KimPlatform.Contracts;
using KimPlatform.Messaging.Senders;
using MassTransit;
using Microsoft.Extensions.Options;

namespace KimPlatform.Messaging.Replay;

/// <summary>
/// Lets a replayed event (one with a <see cref="IntegrationEvent.ReplayId"/>) reach only a service that rebuilds read
/// models from it (<see cref="MessagingOptions.TakesReplays"/>). Everywhere else it is acknowledged without effect: a
/// replayed referral must not reach the partner service again, whose retention may have deleted the original.
/// </summary>
internal sealed class ReplayFilter<T>(IOptions<MessagingOptions> options) : IFilter<ConsumeContext<T>> where T : class
{
    public Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next) =>
        context.Message is IntegrationEvent { ReplayId: not null } && !options.Value.TakesReplays
            ? context.NotifyConsumed(context, TimeSpan.Zero, "kimReplay")
            : next.Send(context);

    public void Probe(ProbeContext context) => context.CreateFilterScope("kimReplay");
}
