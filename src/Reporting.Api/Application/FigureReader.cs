using KimPlatform.Data;
using KimPlatform.Reporting.Api.Apis;
using KimPlatform.Reporting.Api.Application.Suppression;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// Reads counters and histograms of the caller's tenant (row-level security) into suppressed cubes and tables. A cube
/// is built once per tenant, year and counter version (<see cref="FigureCache"/>): every answer of that year reads the
/// same cells, and only a change of the counters makes a new one, in the answer or, within the age bound, in the background.
/// </summary>
public sealed class FigureReader(
    ReportingDbContext db, CurrentTenant tenant, CounterVersions versions, FigureCache cache, IServiceScopeFactory scopes)
{
    private bool _fresh;
    /// <summary>The cells of the open-cases cube for the end of the year before: what January's stocks continue.</summary>
    public const int YearBeforeSlot = -1;

    /// <summary>
    /// The case figures of a year in one cube: the flows (<paramref name="flows"/>) of its months, quarters and year, the
    /// stocks (<paramref name="stocks"/>) at the end of each month (slots 0–11), and between them, for every municipality
    /// and the whole tenant, open at the end of a month = open at the end of the month before + new − closed: otherwise a
    /// closure count hidden in one answer would follow from two months' open cases and the new ones.
    /// </summary>
    public async Task<SuppressionCube> CaseYearAsync(
        CaseCube shape, int year, int threshold, CancellationToken cancellationToken)
    {
        var key = await KeyAsync("cases", year, threshold, andBefore: true, cancellationToken);
        return Used(await cache.GetOrBuildAsync(
            key, versions.ReadAt, _fresh, () => BuildCaseYearAsync(shape, year, threshold, cancellationToken), cube => cube.Size,
            Refresh(reader => reader.CaseYearAsync(shape, year, threshold, CancellationToken.None))));
    }

    /// <summary>
    /// The moment the oldest figure of this answer stood for (every change committed before it is in), once one was read.
    /// </summary>
    public DateTimeOffset? AsOf { get; private set; }

    /// <summary>
    /// What a year hands to the next: its stocks at the end of December and how its cube showed the open cases then.
    /// Cached on its own (a few hundred cells instead of a whole cube), so that the years before the one asked for cost
    /// little memory.
    /// </summary>
    private async Task<YearEnd> YearEndAsync(CaseCube shape, int year, int threshold, CancellationToken cancellationToken)
    {
        var key = await KeyAsync("cases year end", year, threshold, andBefore: true, cancellationToken);
        return Used(await cache.GetOrBuildAsync(key, versions.ReadAt, _fresh, async () =>
        {
            var cube = await BuildCaseYearAsync(shape, year, threshold, cancellationToken);
            var open = shape.Stocks[0].TotalFigure!;
            return new YearEnd(
                [.. shape.Stocks.SelectMany(family => cube.KeysOf(family.Figure, 11))
                    .Where(cell => cell.Municipality != CellKey.All && cell.Category != CellKey.All)
                    .Select(cell => new StockChange(cell.Figure, cell.Municipality, cell.Category, 0, cube.ValueOf(cell)))],
                [.. cube.KeysOf(open, 11).Select(cell => (cell, cube.ValueOf(cell), cube.IsSuppressed(cell)))]);
        }, end => end.Stocks.Count + end.Open.Count, Refresh(reader => reader.YearEndAsync(shape, year, threshold, CancellationToken.None))));
    }

    private async Task<SuppressionCube> BuildCaseYearAsync(CaseCube shape, int year, int threshold, CancellationToken cancellationToken)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 1);
        var stockFigures = shape.Stocks.Select(family => family.Figure).ToArray();
        var stockRows = await db.Counters.AsNoTracking()
            .Where(counter => stockFigures.Contains(counter.Figure) && counter.Month >= first && counter.Month <= last)
            .Select(counter => new StockChange(counter.Figure, counter.Municipality, counter.Category, counter.Month.Month, counter.Value))
            .ToListAsync(cancellationToken);
        // The stocks at the end of the year before carry over (cached per year), so only this year's counters are read.
        var before = await db.Counters.AsNoTracking().AnyAsync(counter => stockFigures.Contains(counter.Figure) && counter.Month < first, cancellationToken)
            ? await YearEndAsync(shape, year - 1, threshold, cancellationToken)
            : null;
        var flows = await ReadFlowsAsync(shape.Flows, year, cancellationToken);
        return AssembleCaseYear(shape, flows, stockRows.Concat(before?.Stocks ?? []), before?.Open ?? [], threshold);
    }

    /// <summary>
    /// The suppressed case cube of a year from its counters: <paramref name="flows"/> per month, <paramref name="stocks"/>'
    /// changes per month (month 0: the stock at the end of the year before) and the open cases at the end of the year
    /// before as that year's cube showed them.
    /// </summary>
    public static SuppressionCube AssembleCaseYear(
        CaseCube shape, IEnumerable<CubeBuilder.MonthlyCount> flows, IEnumerable<StockChange> stocks,
        IReadOnlyList<(CellKey Cell, long Value, bool Hidden)> openBefore, int threshold)
    {
        var cube = new SuppressionCube();
        CubeBuilder.AddFlows(cube, shape.Flows, flows);
        foreach (var stock in stocks
            .GroupBy(row => (row.Figure, row.Municipality, row.Category))
            .OrderBy(group => group.Key.Figure, StringComparer.Ordinal).ThenBy(group => group.Key.Municipality, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Category, StringComparer.Ordinal))
        {
            // Month 0 is the carry from the year before: a running sum gives the stock at each month's end.
            var changes = stock.GroupBy(row => row.Month).ToDictionary(row => row.Key, row => row.Sum(change => change.Value));
            var running = changes.GetValueOrDefault(0);
            for (var month = 1; month <= 12; month++)
            {
                running += changes.GetValueOrDefault(month);
                if (running != 0)
                {
                    CubeBuilder.AddStock(cube, shape.Stocks, stock.Key.Figure, stock.Key.Municipality, stock.Key.Category, month - 1, running);
                }
            }
        }

        CubeBuilder.RelateStocks(cube, shape.Stocks, Enumerable.Range(0, 12).ToArray());

        // The open cases at the end of the year before, as that year's cube shows them: fixed here.
        var open = shape.Stocks[0].TotalFigure!;
        foreach (var (cell, value, hidden) in openBefore)
        {
            var carry = cell with { Slot = YearBeforeSlot };
            cube.Add(carry, value);
            cube.Fix(carry, hidden);
        }

        var places = cube.Keys.Select(cell => cell.Municipality).Distinct().Order(StringComparer.Ordinal).ToArray();
        foreach (var place in places)
        {
            for (var month = 0; month < 12; month++)
            {
                cube.Balance(
                    (new CellKey(open, place, CellKey.All, month), 1),
                    (new CellKey(open, place, CellKey.All, month == 0 ? YearBeforeSlot : month - 1), -1),
                    (new CellKey(shape.New.Figure, place, "", month), -1),
                    (new CellKey(shape.Closed.TotalFigure!, place, CellKey.All, month), 1));
            }
        }

        cube.Suppress(threshold);
        return cube;
    }

    /// <summary>The flows of the period's year, cubed with their months, quarters and year.</summary>
    public async Task<SuppressionCube> FlowsAsync(string name, IReadOnlyList<FigureFamily> families, ReportPeriod period, int threshold, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(name, period.Year, threshold, andBefore: false, cancellationToken);
        return Used(await cache.GetOrBuildAsync(key, versions.ReadAt, _fresh, async () =>
        {
            var cube = new SuppressionCube();
            CubeBuilder.AddFlows(cube, families, await ReadFlowsAsync(families, period.Year, cancellationToken));
            cube.Suppress(threshold);
            return cube;
        }, cube => cube.Size, Refresh(reader => reader.FlowsAsync(name, families, period, threshold, CancellationToken.None))));
    }

    /// <summary>Median and average per measure of the spans that ended in the period, in one municipality or all.</summary>
    public async Task<IReadOnlyDictionary<string, DaysFigure>> DaysAsync(
        IReadOnlyList<string> measures, ReportPeriod period, string? municipality, int threshold, CancellationToken cancellationToken)
    {
        var name = $"days {string.Join(',', measures)} {period.Text} {municipality}";
        var key = await KeyAsync(name, period.Year, threshold, andBefore: false, cancellationToken);
        return Used(await cache.GetOrBuildAsync<IReadOnlyDictionary<string, DaysFigure>>(key, versions.ReadAt, _fresh, async () =>
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
        }, days => days.Count, Refresh(reader => reader.DaysAsync(measures, period, municipality, threshold, CancellationToken.None))));
    }

    /// <summary>The table of one family in the answer's scope: its total and its non-zero categories.</summary>
    public static CountTable Table(SuppressionCube cube, FigureFamily family, int slot, string? municipality)
    {
        var scope = municipality ?? CellKey.All;
        var rows = cube.KeysOf(family.Figure, slot)
            .Where(key => key.Municipality == scope && key.Category != CellKey.All)
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
        var rows = cube.KeysOf(figure, slot)
            .Where(key => key.Category == category && key.Municipality != CellKey.All
                && (municipality is null || key.Municipality == municipality))
            .Select(key => Cell(cube, key, key.Municipality))
            .Where(cell => cell.Suppressed || cell.Value != 0)
            .OrderBy(cell => cell.Key, StringComparer.Ordinal)
            .ToArray();
        return new CountTable(Cell(cube, new CellKey(figure, municipality ?? CellKey.All, category, slot), "total"), rows);
    }

    public static CountCell CellOf(SuppressionCube cube, CellKey key, string label) => Cell(cube, key, label);

    /// <summary>
    /// Days shown only beside the count of the spans they stand for, when that count is shown: a median next to a hidden
    /// count would tell that the count is at least the threshold, a bound the suppression does not know of.
    /// </summary>
    public static DaysFigure Beside(DaysFigure days, CountCell? count) =>
        count is { Suppressed: false } ? days : days with { Median = null, Average = null, Suppressed = true };

    private async Task<FigureCache.Key?> KeyAsync(string cube, int year, int threshold, bool andBefore, CancellationToken cancellationToken) =>
        tenant.TenantId is { } tenantId
            ? new FigureCache.Key(tenantId, cube, year, threshold, await versions.OfAsync(year, andBefore, cancellationToken))
            : null;

    private T Used<T>((T Value, DateTimeOffset AsOf) answer)
    {
        AsOf = AsOf is { } before && before < answer.AsOf ? before : answer.AsOf;
        return answer.Value;
    }

    /// <summary>Builds the value again for the tenant's current versions, in a scope and transaction of its own.</summary>
    private Func<Task> Refresh<T>(Func<FigureReader, Task<T>> read)
    {
        var tenantId = tenant.TenantId;
        return async () =>
        {
            if (tenantId is null)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var reader = scope.ServiceProvider.GetRequiredService<FigureReader>();
            reader._fresh = true;
            await scope.ServiceProvider.GetRequiredService<TenantUnitOfWork>().For(tenantId)
                .RunAsync(async _ => await read(reader), CancellationToken.None);
        };
    }

    private async Task<IReadOnlyList<CubeBuilder.MonthlyCount>> ReadFlowsAsync(IReadOnlyList<FigureFamily> families, int year, CancellationToken cancellationToken)
    {
        var figures = families.Select(family => family.Figure).ToArray();
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 1);
        var rows = await db.Counters.AsNoTracking()
            .Where(counter => figures.Contains(counter.Figure) && counter.Month >= first && counter.Month <= last)
            .GroupBy(counter => new { counter.Figure, counter.Municipality, counter.Category, counter.Month })
            .Select(group => new { group.Key.Figure, group.Key.Municipality, group.Key.Category, group.Key.Month, Value = group.Sum(counter => counter.Value) })
            .ToListAsync(cancellationToken);
        // Cells in one fixed order, so that every answer hides the same cells whatever order the database returns.
        return [.. rows
            .OrderBy(row => row.Figure, StringComparer.Ordinal).ThenBy(row => row.Municipality, StringComparer.Ordinal)
            .ThenBy(row => row.Category, StringComparer.Ordinal).ThenBy(row => row.Month)
            .Select(row => new CubeBuilder.MonthlyCount(row.Figure, row.Municipality, row.Category, row.Month.Month, row.Value))];
    }

    /// <summary>A stock's change in a month of the year (1–12), or its carry from the year before (0).</summary>
    public sealed record StockChange(string Figure, string Municipality, string Category, int Month, long Value);

    private sealed record YearEnd(IReadOnlyList<StockChange> Stocks, IReadOnlyList<(CellKey Cell, long Value, bool Hidden)> Open);

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
