using KimPlatform.Contracts.Privacy;
namespace KimPlatform.Reporting.Api.Domain;

/// <summary>One goal of a case, under a pseudonymous key: its life area, status and the months they changed.</summary>
public sealed class GoalState
{
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public Guid Key { get; set; }
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; set; }
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public Guid CaseKey { get; set; }
    [PersonalData(PersonalDataCategory.PlaceOfResidence, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string Municipality { get; set; }
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string LifeArea { get; set; }
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string Status { get; set; }

    /// <summary>First day of the month the status was set.</summary>
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public DateOnly StatusMonth { get; set; }
    public long Version { get; set; }
}
