using KimPlatform.Contracts.Privacy;
namespace KimPlatform.Reporting.Api.Domain;

/// <summary>One referral under a pseudonymous key: where it went, its topics, the month it was made and its answer.</summary>
public sealed class ReferralState
{
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public Guid Key { get; set; }
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; set; }
    [PersonalData(PersonalDataCategory.PlaceOfResidence, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string Municipality { get; set; }
    [NotPersonalData("key of an organisation, not of a person")]
    public required string PartnerOrganisationId { get; set; }
    [NotPersonalData("topics of a public offer")]
    public required IReadOnlyList<string> Topics { get; set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public DateOnly RequestedMonth { get; set; }

    /// <summary><c>requested</c>, <c>accepted</c>, <c>declined</c> or <c>completed</c>.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.CaseErasure)]
    public required string Status { get; set; }

    /// <summary>The partner's version of the referral (1 when it arrived).</summary>
    public long Version { get; set; }
}
