namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// What reporting knows of one case: a pseudonymous id and categories, never names, birth dates or free text.
/// Built from the case events; <see cref="Version"/> keeps a late or repeated event from overwriting a newer state.
/// </summary>
public sealed class CaseFact
{
    public Guid CaseId { get; set; }
    public required string TenantId { get; set; }
    public required string OrganisationId { get; set; }
    public required string Municipality { get; set; }
    public required string AgeBand { get; set; }
    public required string ResidenceStatus { get; set; }
    public required IReadOnlyList<string> TargetGroups { get; set; }
    public required string Reachability { get; set; }
    public required string Phase { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public long Version { get; set; }
}
