namespace KimPlatform.Reporting.Api.Domain;

/// <summary>One goal of a case, under a pseudonymous key: its life area, status and the months they changed.</summary>
public sealed class GoalState
{
    public Guid Key { get; set; }
    public required string TenantId { get; set; }
    public Guid CaseKey { get; set; }
    public required string Municipality { get; set; }
    public required string LifeArea { get; set; }
    public required string Status { get; set; }

    /// <summary>First day of the month the status was set.</summary>
    public DateOnly StatusMonth { get; set; }
    public long Version { get; set; }
}
