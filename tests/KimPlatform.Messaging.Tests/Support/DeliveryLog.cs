using System.Collections.Concurrent;
using KimPlatform.Contracts;
using MassTransit;

namespace KimPlatform.Messaging.Tests.Support;

/// <summary>
/// Every delivery the test hosts' consumers finished (duplicates included), every attempt the test consumer made to
/// apply a message, and the exceptions of faulted deliveries.
/// </summary>
public sealed class DeliveryLog : IConsumeObserver
{
    private readonly ConcurrentQueue<(Guid MessageId, Guid CaseId)> _deliveries = new();
    private readonly ConcurrentQueue<Guid> _attempts = new();
    private readonly ConcurrentQueue<(Guid CaseId, Exception Exception)> _faults = new();
    private readonly ConcurrentDictionary<Guid, bool> _fixed = new();

    public IReadOnlyList<Guid> MessageIdsForCase(Guid caseId) =>
        _deliveries.Where(delivery => delivery.CaseId == caseId).Select(delivery => delivery.MessageId).ToArray();

    public int AttemptsForCase(Guid caseId) => _attempts.Count(attempt => attempt == caseId);

    public IReadOnlyList<Exception> FaultsForCase(Guid caseId) =>
        _faults.Where(fault => fault.CaseId == caseId).Select(fault => fault.Exception).ToArray();

    public void RecordAttempt(Guid caseId) => _attempts.Enqueue(caseId);

    /// <summary>Simulates the fix of a consumer bug: from now on the consumer accepts this case's event.</summary>
    public void MarkFixed(Guid caseId) => _fixed[caseId] = true;

    public bool IsFixed(Guid caseId) => _fixed.ContainsKey(caseId);

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is CaseOpened opened)
        {
            _deliveries.Enqueue((context.MessageId ?? Guid.Empty, opened.CaseId));
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (context.Message is CaseOpened opened)
        {
            _faults.Enqueue((opened.CaseId, exception));
        }

        return Task.CompletedTask;
    }
}
