using KimPlatform.Contracts.Privacy;
namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// The pseudonymous key of an erased case: late events of it are dropped instead of waiting for ever. It is all that
/// remains of the case in reporting besides the aggregate counters.
/// </summary>
public sealed class ErasedKey
{
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.Coordination, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public Guid Key { get; set; }
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; set; }
}
