using System.Text.Json;
using KimPlatform.Contracts;
using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Messaging.Outbox;

/// <summary>An integration event stored in the same transaction as the change it describes.</summary>
public sealed class OutboxMessage
{
    /// <summary>The event id; published as MassTransit's MessageId, which the receivers' inboxes key on.</summary>
    [NotPersonalData("the message id")]
    public Guid Id { get; private set; }

    /// <summary>Dispatch order (insertion order).</summary>
    public long Sequence { get; private set; }

    /// <summary>The contract type's name within <c>KimPlatform.Contracts</c>, e.g. <c>CaseOpened</c>.</summary>
    [NotPersonalData("outbox bookkeeping; the personal data is in the payload")]
    public string MessageType { get; private set; } = "";

    [PersonalData(PersonalDataCategory.IntegrationEventPayload, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting | ProcessingPurposes.PartnerNetwork, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C | LegalBases.SgbX69, DataRecipients.CasesService | DataRecipients.PartnersService | DataRecipients.EventsService | DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure)]
    public string Payload { get; private set; } = "";

    /// <summary>The event's tenant, for operators looking into a stuck outbox.</summary>
    [NotPersonalData("outbox bookkeeping; the personal data is in the payload")]
    public string TenantId { get; private set; } = "";

    [NotPersonalData("outbox bookkeeping; the personal data is in the payload")]
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>When the broker confirmed it; null while pending.</summary>
    [NotPersonalData("outbox bookkeeping; the personal data is in the payload")]
    public DateTimeOffset? DispatchedAt { get; private set; }

    /// <summary>When the dispatcher found the row impossible to publish (unknown type, unreadable payload) and set it aside.</summary>
    [NotPersonalData("outbox bookkeeping; the personal data is in the payload")]
    public DateTimeOffset? FailedAt { get; private set; }

    /// <summary>Why the row was set aside, for the operator who repairs or deletes it.</summary>
    [NotPersonalData("the dispatcher's error text, without the payload")]
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
