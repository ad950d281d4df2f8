using KimPlatform.Reporting.Api.Apis;
using KimPlatform.Reporting.Api.Application.Suppression;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>Reads counters and histograms of the caller's tenant (row-level security) into suppressed cubes and tables.</summary>
public sealed class FigureReader(ReportingDbContext db)
{
    /// <summary>The flows of the period's year, cubed with their months, quarters and year.</summary>
    public async Task<SuppressionCube> FlowsAsync(IReadOnlyList<FigureFamily> families, ReportPeriod period, int threshold, CancellationToken cancellationToken)
    {
        var figures = families.Select(family => family.Figure).ToArray();
        var first = new DateOnly(period.Year, 1, 1);
        var last = new DateOnly(period.Year, 12, 1);
        var rows = await db.Counters.AsNoTracking()
            .Where(counter => figures.Contains(counter.Figure) && counter.Month >= first && counter.Month <= last)
            .GroupBy(counter => new { counter.Figure, counter.Municipality, counter.Category, counter.Month })
            .Select(group => new { group.Key.Figure, group.Key.Municipality, group.Key.Category, group.Key.Month, Value = group.Sum(counter => counter.Value) })
            .ToListAsync(cancellationToken);
        var cube = new SuppressionCube();
        // Cells in one fixed order, so that every answer hides the same cells whatever order the database returns.
        CubeBuilder.AddFlows(cube, families, rows
            .OrderBy(row => row.Figure, StringComparer.Ordinal).ThenBy(row => row.Municipality, StringComparer.Ordinal)
            .ThenBy(row => row.Category, StringComparer.Ordinal).ThenBy(row => row.Month)
            .Select(row => new CubeBuilder.MonthlyCount(row.Figure, row.Municipality, row.Category, row.Month.Month, row.Value)));
        cube.Suppress(threshold);
        return cube;
    }

    /// <summary>The stocks at the end of the period: every net change up to its last month.</summary>
    public async Task<SuppressionCube> StocksAsync(IReadOnlyList<FigureFamily> families, ReportPeriod period, int threshold, CancellationToken cancellationToken)
    {
        var figures = families.Select(family => family.Figure).ToArray();
        var last = period.LastMonth;
        var rows = await db.Counters.AsNoTracking()
            .Where(counter => figures.Contains(counter.Figure) && counter.Month <= last)
            .GroupBy(counter => new { counter.Figure, counter.Municipality, counter.Category })
            .Select(group => new { group.Key.Figure, group.Key.Municipality, group.Key.Category, Value = group.Sum(counter => counter.Value) })
            .Where(row => row.Value != 0)
            .ToListAsync(cancellationToken);
        var cube = new SuppressionCube();
        CubeBuilder.AddStocks(cube, families, rows
            .OrderBy(row => row.Figure, StringComparer.Ordinal).ThenBy(row => row.Municipality, StringComparer.Ordinal)
            .ThenBy(row => row.Category, StringComparer.Ordinal)
            .Select(row => (row.Figure, row.Municipality, row.Category, row.Value)), period.Slot);
        cube.Suppress(threshold);
        return cube;
    }

    /// <summary>Median and average per measure of the spans that ended in the period, in one municipality or all.</summary>
    public async Task<Dictionary<string, DaysFigure>> DaysAsync(
        IReadOnlyList<string> measures, ReportPeriod period, string? municipality, int threshold, CancellationToken cancellationToken)
    {
        var (first, last) = (period.FirstMonth, period.LastMonth);
        var histograms = db.DayHistograms.AsNoTracking()
            .Where(histogram => measures.Contains(histogram.Measure) && histogram.Month >= first && histogram.Month <= last);
        if (municipality is not null)
        {
            histograms = histograms.Where(histogram => histogram.Municipality == municipality);
        }

        var buckets = await histograms
            .GroupBy(histogram => new { histogram.Measure, histogram.Bucket })
            .Select(group => new { group.Key.Measure, group.Key.Bucket, Count = group.Sum(h => h.Count), Sum = group.Sum(h => h.SumDays) })
            .ToListAsync(cancellationToken);
        return measures.ToDictionary(measure => measure, measure =>
        {
            var ofMeasure = buckets.Where(bucket => bucket.Measure == measure).OrderBy(bucket => bucket.Bucket).ToArray();
            var count = ofMeasure.Sum(bucket => bucket.Count);
            if (count == 0 || count < threshold)
            {
                return new DaysFigure(measure, null, null, count > 0);
            }

            return new DaysFigure(
                measure,
                Median(ofMeasure.Select(bucket => (bucket.Bucket, bucket.Count)).ToArray(), count),
                Math.Round((double)ofMeasure.Sum(bucket => bucket.Sum) / count, 1),
                false);
        });
    }

    /// <summary>The table of one family in the answer's scope: its total and its non-zero categories.</summary>
    public static CountTable Table(SuppressionCube cube, FigureFamily family, int slot, string? municipality)
    {
        var scope = municipality ?? CellKey.All;
        var rows = cube.Keys
            .Where(key => key.Figure == family.Figure && key.Municipality == scope && key.Slot == slot && key.Category != CellKey.All)
            .Select(key => Cell(cube, key, key.Category))
            .Where(cell => cell.Suppressed || cell.Value != 0)
            .OrderBy(cell => cell.Key, StringComparer.Ordinal)
            .ToArray();
        var total = family.TotalFigure is { } figure ? Cell(cube, new CellKey(figure, scope, CellKey.All, slot), "total") : null;
        return new CountTable(total, rows);
    }

    /// <summary>A total per municipality: <paramref name="figure"/>'s cells over all categories (or its one category).</summary>
    public static CountTable ByMunicipality(SuppressionCube cube, string figure, string category, int slot, string? municipality)
    {
        var rows = cube.Keys
            .Where(key => key.Figure == figure && key.Category == category && key.Slot == slot && key.Municipality != CellKey.All
                && (municipality is null || key.Municipality == municipality))
            .Select(key => Cell(cube, key, key.Municipality))
            .Where(cell => cell.Suppressed || cell.Value != 0)
            .OrderBy(cell => cell.Key, StringComparer.Ordinal)
            .ToArray();
        return new CountTable(Cell(cube, new CellKey(figure, municipality ?? CellKey.All, category, slot), "total"), rows);
    }

    public static CountCell CellOf(SuppressionCube cube, CellKey key, string label) => Cell(cube, key, label);

    private static CountCell Cell(SuppressionCube cube, CellKey key, string label) =>
        cube.IsSuppressed(key) ? new CountCell(label, null, true) : new CountCell(label, cube.ValueOf(key), false);

    private static double Median((int Bucket, long Count)[] buckets, long count)
    {
        double At(long index)
        {
            var seen = 0L;
            foreach (var (bucket, bucketCount) in buckets)
            {
                seen += bucketCount;
                if (index < seen)
                {
                    return DayBuckets.Representative(bucket);
                }
            }

            return DayBuckets.Representative(buckets[^1].Bucket);
        }

        return count % 2 == 1 ? At(count / 2) : (At((count / 2) - 1) + At(count / 2)) / 2;
    }
}
