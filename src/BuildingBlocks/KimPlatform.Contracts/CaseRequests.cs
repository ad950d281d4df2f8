using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Contracts;

// Requests the case service sends, and their answers (MassTransit request/response, not events): for the Art. 15
// export it asks each other service what it holds about the case's person. Nothing here is stored; it crosses the
// broker once. kim lets the case service's broker user publish the `…Requested` types of this file (launcher/infra.sh).

/// <summary>The case service asks the partner service what it holds about a case.</summary>
public sealed record HeldDataAtPartnersRequested
{
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; init; }
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1C, DataRecipients.PartnersService, RetentionRule.NotStored, DeletionPaths.NothingStored)]
    public required Guid CaseId { get; init; }
}

/// <summary>
/// The case service asks the event service which registrations it holds under the person's e-mail address. Sent only
/// while the person's consent names the data category <c>event-registrations</c>; the case id does not go along.
/// </summary>
public sealed record HeldDataAtEventsRequested
{
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; init; }
    [PersonalData(PersonalDataCategory.Contact, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1C, DataRecipients.EventsService, RetentionRule.NotStored, DeletionPaths.NothingStored)]
    public required string Email { get; init; }
}

/// <summary>What one service holds about a case's person, each item with what its declarations say.</summary>
public sealed record HeldDataReport
{
    [NotPersonalData("name of the answering service")]
    public required string Service { get; init; }
    /// <summary>The items held; empty when the service holds nothing about the case.</summary>
    public required IReadOnlyList<HeldDataItem> Items { get; init; }
}

/// <summary>One record a service holds about the person, described from its personal-data declarations.</summary>
/// <param name="Kind">What it is, e.g. <c>referral</c> or <c>volunteer-match</c>.</param>
/// <param name="Id">Its id at the holding service.</param>
/// <param name="Holder">The organisation that holds it.</param>
/// <param name="Status">Its state, e.g. <c>completed</c> or <c>redacted: case-erased</c>.</param>
/// <param name="Fields">The personal fields it holds now (empty once redacted).</param>
/// <param name="Categories">German labels of the data categories held.</param>
/// <param name="Purposes">German labels of the purposes.</param>
/// <param name="Recipients">German labels of who receives it.</param>
/// <param name="Retention">How long it is kept, in German.</param>
/// <param name="DeletedBy">The day its personal data will be removed at the latest, where a date is known.</param>
/// <param name="Deletion">German labels of how it is deleted.</param>
public sealed record HeldDataItem(
    [property: NotPersonalData("kind of record")] string Kind,
    [property: PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1C, DataRecipients.CasesService | DataRecipients.DataSubject, RetentionRule.NotStored, DeletionPaths.NothingStored)] Guid Id,
    [property: NotPersonalData("key of an organisation, not of a person")] string Holder,
    [property: PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1C, DataRecipients.CasesService | DataRecipients.DataSubject, RetentionRule.NotStored, DeletionPaths.NothingStored)] string Status,
    [property: NotPersonalData("names of fields, not their values")] IReadOnlyList<string> Fields,
    [property: NotPersonalData("labels from the declarations")] IReadOnlyList<string> Categories,
    [property: NotPersonalData("labels from the declarations")] IReadOnlyList<string> Purposes,
    [property: NotPersonalData("labels from the declarations")] IReadOnlyList<string> Recipients,
    [property: NotPersonalData("label from the declarations")] string Retention,
    [property: PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1C, DataRecipients.CasesService | DataRecipients.DataSubject, RetentionRule.NotStored, DeletionPaths.NothingStored)] DateOnly? DeletedBy,
    [property: NotPersonalData("labels from the declarations")] IReadOnlyList<string> Deletion);
