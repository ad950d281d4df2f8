using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// What reporting knows of one case: a pseudonymous id and categories, never names, birth dates or free text.
/// Built from the case events; <see cref="Version"/> keeps a late or repeated event from overwriting a newer state.
/// </summary>
public sealed class CaseFact
{
    /// <summary>The categories of a fact whose <c>CaseOpened</c> has not arrived yet.</summary>
    public const string NotYetKnown = "";

    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public Guid CaseId { get; set; }
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; set; }
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; set; }
    [PersonalData(PersonalDataCategory.PlaceOfResidence, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required string Municipality { get; set; }
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required string AgeBand { get; set; }
    [PersonalData(PersonalDataCategory.ResidenceStatus, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required string ResidenceStatus { get; set; }
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted, Special = true)]
    public required IReadOnlyList<string> TargetGroups { get; set; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required string Reachability { get; set; }
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required string Phase { get; set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset OpenedAt { get; set; }
    public long Version { get; set; }

    /// <summary>False while only a later event of the case has arrived; such a fact is not counted yet.</summary>
    public bool IsOpened => Municipality != NotYetKnown;

    /// <summary>
    /// A phase change that overtook its <c>CaseOpened</c>: its phase and version are kept, and the categories are filled
    /// in when the case's <c>CaseOpened</c> arrives.
    /// </summary>
    public static CaseFact BeforeOpened(Guid caseId, string tenantId, string organisationId, string phase, long version) => new()
    {
        CaseId = caseId,
        TenantId = tenantId,
        OrganisationId = organisationId,
        Municipality = NotYetKnown,
        AgeBand = NotYetKnown,
        ResidenceStatus = NotYetKnown,
        TargetGroups = [],
        Reachability = NotYetKnown,
        Phase = phase,
        Version = version,
    };
}
