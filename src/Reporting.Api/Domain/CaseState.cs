using KimPlatform.Contracts.Privacy;
namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// What reporting must remember of one case to move its counters: its categories and current phase, under a
/// pseudonymous key (a keyed hash of the case id). No names, no birth date, no time finer than the month; deleted when
/// the case is erased.
/// </summary>
public sealed class CaseState
{
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public Guid Key { get; set; }
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; set; }
    [PersonalData(PersonalDataCategory.PlaceOfResidence, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string Municipality { get; set; }
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string AgeBand { get; set; }
    [PersonalData(PersonalDataCategory.ResidenceStatus, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string ResidenceStatus { get; set; }
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure, Special = true)]
    public required IReadOnlyList<string> TargetGroups { get; set; }
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string Reachability { get; set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public DateOnly OpenedMonth { get; set; }
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string Phase { get; set; }

    /// <summary>The version at which the case entered <see cref="Phase"/>.</summary>
    public long PhaseVersion { get; set; }

    /// <summary>The version of the last closure counted; equal to <see cref="PhaseVersion"/> once a closed case's closure is in.</summary>
    public long ClosedVersion { get; set; }

    /// <summary>Keyed hash of the assigned case manager's user id, or empty.</summary>
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1C | LegalBases.EmploymentArt88, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string CaseManagerKey { get; set; }
    public long CaseManagerVersion { get; set; }

    public bool IsOpen => Phase != CasePhases.Closed;
}
