namespace KimPlatform.Contracts;

// Case events go to reporting and partners: categories only, never names, birth dates or free text.

/// <summary>A case was opened (phase intake).</summary>
public sealed record CaseOpened : IAggregateEvent
{
    /// <inheritdoc />
    public required Guid EventId { get; init; }
    /// <inheritdoc />
    public required string TenantId { get; init; }
    /// <inheritdoc />
    public required DateTimeOffset OccurredAt { get; init; }
    /// <inheritdoc />
    public required long Version { get; init; }

    /// <summary>Pseudonymous case id.</summary>
    public required Guid CaseId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    public required string OrganisationId { get; init; }
    /// <summary>Municipality the person lives in.</summary>
    public required string Municipality { get; init; }
    /// <summary>Age band such as <c>18-26</c>; never the birth date.</summary>
    public required string AgeBand { get; init; }
    /// <summary>Residence status category (contract value, e.g. <c>asylum-seeker</c>).</summary>
    public required string ResidenceStatus { get; init; }
    /// <summary>Target groups such as <c>youth</c> or <c>women</c>.</summary>
    public required IReadOnlyList<string> TargetGroups { get; init; }
    /// <summary>Reachability: <c>good</c>, <c>medium</c> or <c>low</c>.</summary>
    public required string Reachability { get; init; }
}
