namespace KimPlatform.Cases.Api.Domain;

/// <summary>
/// One read or write of a person's case data: who, from which organisation, what, when, which fields. Append-only:
/// the service's database role may insert and read these rows but not change or delete them.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TenantId { get; init; }
    /// <summary>Null for checks not about one case (the duplicate check).</summary>
    public Guid? CaseId { get; init; }
    public required string UserId { get; init; }
    public required string OrganisationId { get; init; }
    public required string Action { get; init; }
    public required IReadOnlyList<string> Fields { get; init; }
    /// <summary>The result where it matters, e.g. the duplicate check's <c>found</c> or <c>not-found</c>.</summary>
    public string? Outcome { get; init; }
    public required DateTimeOffset At { get; init; }
}
