using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Cases.Api.Domain;

/// <summary>
/// A tenant's own version of a consent text in one language. Versions are immutable; publishing creates the next one.
/// Without a tenant version the built-in text (version 1) applies.
/// </summary>
public sealed class ConsentTemplate
{
    [NotPersonalData("random key of an entry; identifies no person")]
    public Guid Id { get; init; } = Guid.CreateVersion7();
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; init; }
    [NotPersonalData("consent text template of the tenant, not about a person")]
    public required string Key { get; init; }
    [NotPersonalData("consent text template of the tenant, not about a person")]
    public required string Language { get; init; }
    public required int Version { get; init; }
    [NotPersonalData("consent text template of the tenant, not about a person")]
    public required string Title { get; init; }
    [NotPersonalData("consent text template of the tenant, not about a person")]
    public required string Body { get; init; }
    public required bool RightToLeft { get; init; }
    [NotPersonalData("consent text template of the tenant, not about a person")]
    public required string UntilWithdrawn { get; init; }
    [NotPersonalData("consent text template of the tenant, not about a person")]
    public required Dictionary<string, string> DataCategoryNames { get; init; }
    [NotPersonalData("consent text template of the tenant, not about a person")]
    public required DateTimeOffset PublishedAt { get; init; }
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1C | LegalBases.EmploymentArt88, DataRecipients.CaseOrganisation, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public required string PublishedBy { get; init; }
}
