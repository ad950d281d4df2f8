using KimPlatform.Reporting.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// The counter and histogram changes of one message, written together at its end: summed per row, and in key order,
/// so that two consumers changing the same rows lock them in the same order and never deadlock.
/// </summary>
/// <remarks>
/// Every message of a tenant updates the same few counter rows (and, at commit, its counter version), so the
/// consumers of one tenant commit one after another while they hold those locks. <see cref="FlushAsync"/> therefore
/// saves the message's other changes first and writes the counters last, right before the commit: the locks are
/// then held for one statement and the commit, not for the state rows' round trips as well.
/// </remarks>
public sealed class CounterChanges(ReportingDbContext db)
{
    private readonly Dictionary<(string Figure, DateOnly Month, string Municipality, string Category), long> _counters = [];
    private readonly Dictionary<(string Measure, DateOnly Month, string Municipality, int Bucket), (long Count, long Sum)> _histograms = [];

    public void Add(string figure, DateOnly month, string municipality, string category, long delta)
    {
        var key = (figure, month, municipality, category);
        _counters[key] = _counters.GetValueOrDefault(key) + delta;
    }

    public void AddSpan(string measure, DateOnly month, string municipality, int days)
    {
        var key = (measure, month, municipality, Domain.DayBuckets.Of(days));
        var (count, sum) = _histograms.GetValueOrDefault(key);
        _histograms[key] = (count + 1, sum + days);
    }

    public async Task FlushAsync(string tenantId, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        var counters = _counters.Where(change => change.Value != 0).OrderBy(change => change.Key).ToArray();
        if (counters.Length > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO counters (tenant_id, figure, month, municipality, category, value)
                SELECT @tenant, figure, month, municipality, category, value
                FROM unnest(@figures, @months, @municipalities, @categories, @values) AS change(figure, month, municipality, category, value)
                ON CONFLICT (tenant_id, figure, month, municipality, category) DO UPDATE SET value = counters.value + excluded.value
                """,
                [
                    new NpgsqlParameter("tenant", tenantId),
                    Array("figures", counters.Select(change => change.Key.Figure), NpgsqlDbType.Text),
                    Array("months", counters.Select(change => change.Key.Month), NpgsqlDbType.Date),
                    Array("municipalities", counters.Select(change => change.Key.Municipality), NpgsqlDbType.Text),
                    Array("categories", counters.Select(change => change.Key.Category), NpgsqlDbType.Text),
                    Array("values", counters.Select(change => change.Value), NpgsqlDbType.Bigint),
                ],
                cancellationToken);
        }

        var spans = _histograms.OrderBy(change => change.Key).ToArray();
        if (spans.Length > 0)
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO day_histograms (tenant_id, measure, month, municipality, bucket, count, sum_days)
                SELECT @tenant, measure, month, municipality, bucket, count, sum_days
                FROM unnest(@measures, @months, @municipalities, @buckets, @counts, @sums) AS change(measure, month, municipality, bucket, count, sum_days)
                ON CONFLICT (tenant_id, measure, month, municipality, bucket)
                DO UPDATE SET count = day_histograms.count + excluded.count, sum_days = day_histograms.sum_days + excluded.sum_days
                """,
                [
                    new NpgsqlParameter("tenant", tenantId),
                    Array("measures", spans.Select(change => change.Key.Measure), NpgsqlDbType.Text),
                    Array("months", spans.Select(change => change.Key.Month), NpgsqlDbType.Date),
                    Array("municipalities", spans.Select(change => change.Key.Municipality), NpgsqlDbType.Text),
                    Array("buckets", spans.Select(change => change.Key.Bucket), NpgsqlDbType.Integer),
                    Array("counts", spans.Select(change => change.Value.Count), NpgsqlDbType.Bigint),
                    Array("sums", spans.Select(change => change.Value.Sum), NpgsqlDbType.Bigint),
                ],
                cancellationToken);
        }

        _counters.Clear();
        _histograms.Clear();
    }

    private static NpgsqlParameter Array<T>(string name, IEnumerable<T> values, NpgsqlDbType type) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}
