namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// What reporting knows of one case: a pseudonymous id and categories, never names, birth dates or free text.
/// Built from the case events; <see cref="Version"/> keeps a late or repeated event from overwriting a newer state.
/// </summary>
public sealed class CaseFact
{
    /// <summary>The categories of a fact whose <c>CaseOpened</c> has not arrived yet.</summary>
    public const string NotYetKnown = "";

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
