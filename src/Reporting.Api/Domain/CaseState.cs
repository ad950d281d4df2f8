namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// What reporting must remember of one case to move its counters: its categories and current phase, under a
/// pseudonymous key (a keyed hash of the case id). No names, no birth date, no time finer than the month; deleted when
/// the case is erased.
/// </summary>
public sealed class CaseState
{
    public Guid Key { get; set; }
    public required string TenantId { get; set; }
    public required string Municipality { get; set; }
    public required string AgeBand { get; set; }
    public required string ResidenceStatus { get; set; }
    public required IReadOnlyList<string> TargetGroups { get; set; }
    public required string Reachability { get; set; }
    public DateOnly OpenedMonth { get; set; }
    public required string Phase { get; set; }

    /// <summary>The version at which the case entered <see cref="Phase"/>.</summary>
    public long PhaseVersion { get; set; }

    /// <summary>The version of the last closure counted; equal to <see cref="PhaseVersion"/> once a closed case's closure is in.</summary>
    public long ClosedVersion { get; set; }

    /// <summary>Keyed hash of the assigned case manager's user id, or empty.</summary>
    public required string CaseManagerKey { get; set; }
    public long CaseManagerVersion { get; set; }

    public bool IsOpen => Phase != CasePhases.Closed;
}
