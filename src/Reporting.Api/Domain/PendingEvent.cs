using KimPlatform.Contracts.Privacy;
namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// An event that arrived before its predecessors (they travel on other queues), kept until they have been applied.
/// The payload is the pseudonymised event: keyed hashes instead of ids, the month instead of the time.
/// </summary>
public sealed class PendingEvent
{
    /// <summary>Keyed hash of the event id.</summary>
    [NotPersonalData("key of a parked message row")]
    public Guid Id { get; set; }
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; set; }

    /// <summary>The aggregate's pseudonymous key (the case's, the referral's or the Veranstaltung's).</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public Guid Key { get; set; }
    public long Version { get; set; }
    [NotPersonalData("name of a message type")]
    public required string MessageType { get; set; }
    [PersonalData(PersonalDataCategory.IntegrationEventPayload, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string Payload { get; set; }
}
