namespace KimPlatform.Reporting.Api.Application.Suppression;

/// <summary>
/// A counter figure as it enters a <see cref="SuppressionCube"/>. When every counted item lies in exactly one category,
/// its categories add up to <see cref="TotalFigure"/>'s cell, which families of the same items share (the open cases
/// per phase and per age band have one total); when an item may lie in several (target groups), there is no total, but
/// each category still counts some of <see cref="Within"/>'s items, which a reader knows as well as a sum.
/// </summary>
public sealed record FigureFamily(string Figure, string? TotalFigure)
{
    public bool IsAdditive => TotalFigure is not null;

    /// <summary>
    /// Without a total of its own: the total figure whose items its categories count (target groups: the open cases).
    /// Each category is at most that total.
    /// </summary>
    public string? Within { get; init; }

    /// <summary>With <see cref="Within"/>: every item lies in one category or more (a referral has a topic), so they add up to at least the total.</summary>
    public bool Covers { get; init; }

    /// <summary>
    /// An additive family whose items this one's are some of. Families of a cube naming the same one with the same
    /// <see cref="PartPerCategory"/> count items apart from each other: the accepted, declined and completed referrals
    /// together are at most the requested ones, in every period, municipality and category.
    /// </summary>
    public FigureFamily? PartOf { get; init; }

    /// <summary>
    /// With <see cref="PartOf"/>: whether both count by the same categories (partner, format), or only their totals relate
    /// (ratings, by rating, of the registrations, by format).
    /// </summary>
    public bool PartPerCategory { get; init; } = true;
}

/// <summary>Builds a tenant-year cube from monthly counts and declares its sum relations.</summary>
public static class CubeBuilder
{
    public const int MonthSlots = 12;
    public const int YearSlot = 16;

    /// <summary>A count of a month: flows add up over the quarter and the year.</summary>
    public readonly record struct MonthlyCount(string Figure, string Municipality, string Category, int Month, long Value);

    /// <summary>Flows (counted per month): cells for the 12 months, 4 quarters and the year, related across periods too.</summary>
    public static void AddFlows(SuppressionCube cube, IReadOnlyList<FigureFamily> families, IEnumerable<MonthlyCount> counts)
    {
        var byFigure = families.ToDictionary(family => family.Figure, family => (Family: family, OwnsTotal: OwnsTotal(families, family)));
        foreach (var count in counts)
        {
            var (family, ownsTotal) = byFigure[count.Figure];
            foreach (var slot in (ReadOnlySpan<int>)[count.Month - 1, 12 + ((count.Month - 1) / 3), YearSlot])
            {
                AddEverywhere(cube, family, ownsTotal, count.Municipality, count.Category, slot, count.Value);
            }
        }

        Relate(cube, families, Enumerable.Range(0, 17).ToArray());
        foreach (var (figure, municipality, category) in cube.Keys.Select(key => (key.Figure, key.Municipality, key.Category)).Distinct().ToArray())
        {
            CellKey At(int slot) => new(figure, municipality, category, slot);
            cube.Relate(At(YearSlot), Enumerable.Range(12, 4).Select(At));
            cube.Relate(At(YearSlot), Enumerable.Range(0, 12).Select(At));
            for (var quarter = 0; quarter < 4; quarter++)
            {
                cube.Relate(At(12 + quarter), Enumerable.Range(quarter * 3, 3).Select(At));
            }
        }
    }

    /// <summary>A stock at the end of one month (slot 0–11): related across municipalities and categories by <see cref="RelateStocks"/>.</summary>
    public static void AddStock(
        SuppressionCube cube, IReadOnlyList<FigureFamily> families, string figure, string municipality, string category, int slot, long value)
    {
        var family = families.First(candidate => candidate.Figure == figure);
        AddEverywhere(cube, family, OwnsTotal(families, family), municipality, category, slot, value);
    }

    /// <summary>The sum relations of stocks within each of <paramref name="slots"/>.</summary>
    public static void RelateStocks(SuppressionCube cube, IReadOnlyList<FigureFamily> families, int[] slots) => Relate(cube, families, slots);

    /// <summary>Families that share a total count the same items: the first one alone adds them to the total.</summary>
    private static bool OwnsTotal(IReadOnlyList<FigureFamily> families, FigureFamily family) =>
        family.IsAdditive && ReferenceEquals(families.First(candidate => candidate.TotalFigure == family.TotalFigure), family);

    private static void AddEverywhere(SuppressionCube cube, FigureFamily family, bool ownsTotal, string municipality, string category, int slot, long value)
    {
        cube.Add(new(family.Figure, municipality, category, slot), value);
        cube.Add(new(family.Figure, CellKey.All, category, slot), value);
        if (ownsTotal && family.TotalFigure is { } total)
        {
            cube.Add(new(total, municipality, CellKey.All, slot), value);
            cube.Add(new(total, CellKey.All, CellKey.All, slot), value);
        }
    }

    private static void Relate(SuppressionCube cube, IReadOnlyList<FigureFamily> families, int[] slots)
    {
        var keys = cube.Keys.ToArray();
        foreach (var family in families)
        {
            var municipalities = keys.Where(key => key.Figure == family.Figure && key.Municipality != CellKey.All).Select(key => key.Municipality).Distinct().ToArray();
            var categories = keys.Where(key => key.Figure == family.Figure && key.Category != CellKey.All).Select(key => key.Category).Distinct().ToArray();
            foreach (var slot in slots)
            {
                foreach (var category in categories)
                {
                    cube.Relate(new(family.Figure, CellKey.All, category, slot), municipalities.Select(m => new CellKey(family.Figure, m, category, slot)));
                }

                if (family.TotalFigure is not { } total)
                {
                    continue;
                }

                cube.Relate(new(total, CellKey.All, CellKey.All, slot), municipalities.Select(m => new CellKey(total, m, CellKey.All, slot)));
                foreach (var municipality in municipalities.Append(CellKey.All))
                {
                    cube.Relate(new(total, municipality, CellKey.All, slot), categories.Select(c => new CellKey(family.Figure, municipality, c, slot)));
                }
            }

            if (family.Within is { } within)
            {
                RelateWithin(cube, family, within, municipalities, categories, slots);
            }
        }

        foreach (var parts in families.Where(family => family.PartOf is not null).GroupBy(family => (Whole: family.PartOf!, family.PartPerCategory)))
        {
            RelateParts(cube, keys, parts.Key.Whole, [.. parts], slots);
        }
    }

    /// <summary>Each category of a family without a total is at most <paramref name="within"/>'s total; covering, they add up to at least it.</summary>
    private static void RelateWithin(SuppressionCube cube, FigureFamily family, string within, string[] municipalities, string[] categories, int[] slots)
    {
        foreach (var slot in slots)
        {
            foreach (var municipality in municipalities.Append(CellKey.All))
            {
                var total = new CellKey(within, municipality, CellKey.All, slot);
                var rows = categories.Select(category => new CellKey(family.Figure, municipality, category, slot)).ToArray();
                foreach (var row in rows)
                {
                    cube.AtMost(total, [row]);
                }

                if (family.Covers)
                {
                    cube.AtLeast(total, rows);
                }
            }
        }
    }

    /// <summary>Families whose items are disjoint parts of <paramref name="whole"/>'s: together at most the whole, per total and category.</summary>
    private static void RelateParts(SuppressionCube cube, CellKey[] keys, FigureFamily whole, FigureFamily[] parts, int[] slots)
    {
        var ofWhole = keys.Where(key => key.Figure == whole.Figure).ToArray();
        var municipalities = ofWhole.Select(key => key.Municipality).Where(m => m != CellKey.All).Distinct().ToArray();
        var categories = ofWhole.Select(key => key.Category).Where(c => c != CellKey.All).Distinct().ToArray();
        foreach (var slot in slots)
        {
            foreach (var municipality in municipalities.Append(CellKey.All))
            {
                cube.AtMost(new(whole.TotalFigure!, municipality, CellKey.All, slot), parts.Select(part => new CellKey(part.TotalFigure!, municipality, CellKey.All, slot)));
                foreach (var category in parts[0].PartPerCategory ? categories : [])
                {
                    cube.AtMost(new(whole.Figure, municipality, category, slot), parts.Select(part => new CellKey(part.Figure, municipality, category, slot)));
                }
            }
        }
    }
}
