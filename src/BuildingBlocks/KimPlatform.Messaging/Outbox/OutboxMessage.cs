using System.Text.Json;
using KimPlatform.Contracts;

namespace KimPlatform.Messaging.Outbox;

/// <summary>An integration event stored in the same transaction as the change it describes.</summary>
public sealed class OutboxMessage
{
    /// <summary>The event id; published as MassTransit's MessageId, which the receivers' inboxes key on.</summary>
    public Guid Id { get; private set; }

    /// <summary>Dispatch order (insertion order).</summary>
    public long Sequence { get; private set; }

    /// <summary>The contract type's name within <c>KimPlatform.Contracts</c>, e.g. <c>CaseOpened</c>.</summary>
    public string MessageType { get; private set; } = "";

    public string Payload { get; private set; } = "";

    /// <summary>The event's tenant, for operators looking into a stuck outbox.</summary>
    public string TenantId { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>When the broker confirmed it; null while pending.</summary>
    public DateTimeOffset? DispatchedAt { get; private set; }

    /// <summary>When the dispatcher found the row impossible to publish (unknown type, unreadable payload) and set it aside.</summary>
    public DateTimeOffset? FailedAt { get; private set; }

    /// <summary>Why the row was set aside, for the operator who repairs or deletes it.</summary>
    public string? Error { get; private set; }

    /// <summary>Wraps an event for the outbox.</summary>
    public static OutboxMessage From<TEvent>(TEvent integrationEvent) where TEvent : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.EventId,
            MessageType = type.Name,
            Payload = JsonSerializer.Serialize(integrationEvent, type, IntegrationEventTypes.SerializerOptions),
            TenantId = integrationEvent.TenantId,
            OccurredAt = integrationEvent.OccurredAt,
        };
    }
}
