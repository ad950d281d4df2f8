using KimPlatform.Contracts.Privacy;
namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// A number that changes whenever a counter or histogram of the tenant in <see cref="Year"/> changes: written by
/// database triggers at the end of the writing transaction (so every writer moves it: the consumers, a rebuild, a
/// manual fix), and read by the figures to tell whether a cached suppressed cube still matches the counters. Taken
/// from a sequence, so that a number never comes back.
/// </summary>
public sealed class CounterVersion
{
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; set; }

    [NotPersonalData("a calendar year of aggregate counters")]
    public int Year { get; set; }
    public long Version { get; set; }
}
