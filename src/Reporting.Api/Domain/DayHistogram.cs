using KimPlatform.Contracts.Privacy;
namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// How many spans of a kind (days in a phase, days to closure) ended in a month with a day count in one bucket, and
/// their exact sum of days: medians from the buckets, averages from the sums, without a row per case.
/// </summary>
public sealed class DayHistogram
{
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; set; }
    [NotPersonalData("name of a measure")]
    public required string Measure { get; set; }
    [NotPersonalData("a category of an aggregate count over many cases, suppressed below the tenant's threshold")]
    public DateOnly Month { get; set; }
    [NotPersonalData("a category of an aggregate count over many cases, suppressed below the tenant's threshold")]
    public required string Municipality { get; set; }

    /// <summary>The day count up to <see cref="DayBuckets.ExactUpTo"/>, coarser above (see <see cref="DayBuckets"/>).</summary>
    public int Bucket { get; set; }
    public long Count { get; set; }
    public long SumDays { get; set; }
}

/// <summary>Buckets of day counts: one per day up to a year, then one per 30 days.</summary>
public static class DayBuckets
{
    public const int ExactUpTo = 366;
    private const int Width = 30;

    public static int Of(int days) =>
        days < ExactUpTo ? Math.Max(0, days) : ExactUpTo + ((days - ExactUpTo) / Width * Width);

    /// <summary>The day count a bucket stands for in a median: exact below <see cref="ExactUpTo"/>, the bucket's middle above.</summary>
    public static double Representative(int bucket) => bucket < ExactUpTo ? bucket : bucket + (Width - 1) / 2.0;
}
