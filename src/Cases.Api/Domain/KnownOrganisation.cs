namespace KimPlatform.Cases.Api.Domain;

/// <summary>A partner organisation as the partners service announced it; lets a consent name a kind of organisation.</summary>
public sealed class KnownOrganisation
{
    public required string TenantId { get; init; }
    public required string OrganisationId { get; init; }
    public required string Name { get; set; }
    public required OrganisationKind Kind { get; set; }
}
