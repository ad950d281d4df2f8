using System.Collections.Concurrent;
using KimPlatform.Contracts;
using MassTransit;

namespace KimPlatform.Messaging.Tests.Support;

/// <summary>Every delivery the test host's consumers finished, duplicates included.</summary>
public sealed class DeliveryLog : IConsumeObserver
{
    private readonly ConcurrentQueue<(Guid MessageId, Guid CaseId)> _deliveries = new();

    public IReadOnlyList<Guid> MessageIdsForCase(Guid caseId) =>
        _deliveries.Where(delivery => delivery.CaseId == caseId).Select(delivery => delivery.MessageId).ToArray();

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is CaseOpened opened)
        {
            _deliveries.Enqueue((context.MessageId ?? Guid.Empty, opened.CaseId));
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
