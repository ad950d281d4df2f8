using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Cases.Api.Domain;

/// <summary>
/// One read or write of a person's case data: who, from which organisation, what, when, which fields. Append-only:
/// the service's database role may insert and read these rows but not change or delete them.
/// </summary>
public sealed class AuditEntry
{
    [NotPersonalData("random key of an entry; identifies no person")]
    public Guid Id { get; init; } = Guid.CreateVersion7();
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; init; }
    /// <summary>Null for checks not about one case (the duplicate check).</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1C | LegalBases.EmploymentArt88, DataRecipients.CaseOrganisation, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public Guid? CaseId { get; init; }
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1C | LegalBases.EmploymentArt88, DataRecipients.CaseOrganisation, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public required string UserId { get; init; }
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    [NotPersonalData("name of the operation")]
    public required string Action { get; init; }
    [NotPersonalData("names of the fields read or written, never their values")]
    public required IReadOnlyList<string> Fields { get; init; }
    /// <summary>The result where it matters, e.g. the duplicate check's <c>found</c> or <c>not-found</c>.</summary>
    [NotPersonalData("found or not-found")]
    public string? Outcome { get; init; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1C | LegalBases.EmploymentArt88, DataRecipients.CaseOrganisation, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public required DateTimeOffset At { get; init; }
}
