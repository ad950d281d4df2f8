using KimPlatform.Contracts;
using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Messaging.Replay;

/// <summary>
/// A copy of a published event that the reporting service consumes, kept so that the service can publish it again when
/// reporting rebuilds its read models. It holds only what reporting receives anyway, reduced by the service's
/// <see cref="ServiceDbContext.ForReplay"/> (no names, birth dates or free text about a person).
/// </summary>
public sealed class ReplayHistoryEntry
{
    /// <summary>The event's id.</summary>
    [NotPersonalData("the event id")]
    public Guid Id { get; private set; }

    /// <summary>The order the service published its events in.</summary>
    public long Sequence { get; private set; }

    [NotPersonalData("key of the tenant (a county)")]
    public string TenantId { get; private set; } = "";

    /// <summary>The contract type's name within <c>KimPlatform.Contracts</c>, e.g. <c>CaseOpened</c>.</summary>
    [NotPersonalData("name of a contract type")]
    public string MessageType { get; private set; } = "";

    /// <summary>The event as reporting received it, without the parts reporting does not read.</summary>
    [PersonalData(PersonalDataCategory.IntegrationEventPayload, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public string Payload { get; private set; } = "";

    [NotPersonalData("when the event happened")]
    public DateTimeOffset OccurredAt { get; private set; }

    internal static ReplayHistoryEntry From(IntegrationEvent kept)
    {
        var type = kept.GetType();
        return new ReplayHistoryEntry
        {
            Id = kept.EventId,
            TenantId = kept.TenantId,
            MessageType = type.Name,
            Payload = System.Text.Json.JsonSerializer.Serialize(kept, type, IntegrationEventTypes.SerializerOptions),
            OccurredAt = kept.OccurredAt,
        };
    }
}
