using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Cases.Api.Domain;

/// <summary>A partner organisation as the partners service announced it; lets a consent name a kind of organisation.</summary>
public sealed class KnownOrganisation
{
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; init; }
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    [NotPersonalData("name of an organisation, not of a person")]
    public required string Name { get; set; }
    [NotPersonalData("kind of organisation")]
    public required OrganisationKind Kind { get; set; }
}
