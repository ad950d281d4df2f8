namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// One aggregate count: for a flow (new cases, closures) the events of the month; for a stock (open cases) the net
/// change in the month, summed up to a period's last month.
/// </summary>
public sealed class Counter
{
    public required string TenantId { get; set; }
    public required string Figure { get; set; }

    /// <summary>First day of the month.</summary>
    public DateOnly Month { get; set; }
    public required string Municipality { get; set; }
    public required string Category { get; set; }
    public long Value { get; set; }
}
