using KimPlatform.Contracts.Privacy;
namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// One aggregate count: for a flow (new cases, closures) the events of the month; for a stock (open cases) the net
/// change in the month, summed up to a period's last month.
/// </summary>
public sealed class Counter
{
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; set; }
    [NotPersonalData("name of a figure")]
    public required string Figure { get; set; }

    /// <summary>First day of the month.</summary>
    [NotPersonalData("a category of an aggregate count over many cases, suppressed below the tenant's threshold")]
    public DateOnly Month { get; set; }
    [NotPersonalData("a category of an aggregate count over many cases, suppressed below the tenant's threshold")]
    public required string Municipality { get; set; }
    [NotPersonalData("a category of an aggregate count over many cases, suppressed below the tenant's threshold")]
    public required string Category { get; set; }
    public long Value { get; set; }
}
