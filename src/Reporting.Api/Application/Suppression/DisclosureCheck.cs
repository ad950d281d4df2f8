namespace KimPlatform.Reporting.Api.Application.Suppression;

/// <summary>
/// The audit step of <see cref="SuppressionCube.Suppress"/>: which hidden cells a reader could still work out from every
/// shown cell of the cube and all its relations together, not one relation at a time.
/// <list type="bullet">
/// <item>Linear algebra: a hidden cell is determined when the equality relations, restricted to the hidden cells, combine
/// to it alone (its unit vector lies in their row space), exactly, modulo the prime 2^61 − 1 (no rounding; a
/// combination that only vanishes modulo the prime would count as determined, which only hides more). It depends on the
/// pattern, not on the values, and is kept up to date as cells are hidden (<see cref="HiddenKernel"/>).</item>
/// <item>Bounds: every hidden cell is at least 1 (zeros are shown), and a relation bounds each of its cells by the
/// bounds of the others; an inequality (a target group is at most the open cases) from one side. A cell whose range
/// narrows to one value (a shown 5 over five hidden cells, each then 1) is pinned.</item>
/// </list>
/// </summary>
internal static class DisclosureCheck
{
    /// <summary>A hidden cell a reader can work out, and the relation to hide another cell in (−1: any of its relations).</summary>
    public readonly record struct Disclosure(int Cell, int Relation);

    public static List<Disclosure> Find(Relations relations, long[] values, bool[] hidden, HiddenKernel kernel)
    {
        var found = new Dictionary<int, int>();
        var pinned = Pinned(relations, values, hidden);
        foreach (var (cell, relation) in pinned)
        {
            found.TryAdd(cell, relation);
        }

        foreach (var cell in kernel.Determined(hidden))
        {
            found.TryAdd(cell, -1);
        }

        return [.. found.Select(pair => new Disclosure(pair.Key, pair.Value))];
    }

    /// <summary>
    /// Interval bounds from nonnegativity (a hidden cell is at least 1), the shown cells and every relation (an equality
    /// bounds a cell from both sides, an inequality such as a target group ≤ the open cases from one), tightened until
    /// nothing changes (or a budget of relation visits is spent): the hidden cells whose range is a single value.
    /// </summary>
    private static List<(int Cell, int Relation)> Pinned(Relations relations, long[] values, bool[] hidden)
    {
        var low = new double[values.Length];
        var high = new double[values.Length];
        for (var cell = 0; cell < values.Length; cell++)
        {
            (low[cell], high[cell]) = hidden[cell] ? (1.0, double.PositiveInfinity) : ((double)values[cell], (double)values[cell]);
        }

        var pending = new Queue<int>();
        var queued = new bool[relations.Count];
        for (var index = 0; index < relations.Count; index++)
        {
            if (relations.Cells[index].Any(cell => hidden[cell]))
            {
                queued[index] = true;
                pending.Enqueue(index);
            }
        }

        var pinnedBy = new Dictionary<int, int>();
        var budget = 50L * relations.Count;
        while (budget-- > 0 && pending.TryDequeue(out var index))
        {
            queued[index] = false;
            var cells = relations.Cells[index];
            // The sum of sign × cell over the relation is 0: its range, with unbounded terms counted apart.
            var (least, most, unboundedBelow, unboundedAbove) = (0.0, 0.0, 0, 0);
            for (var at = 0; at < cells.Length; at++)
            {
                var (from, to) = Term(relations.Sign(index, at), low[cells[at]], high[cells[at]]);
                (least, unboundedBelow) = double.IsInfinity(from) ? (least, unboundedBelow + 1) : (least + from, unboundedBelow);
                (most, unboundedAbove) = double.IsInfinity(to) ? (most, unboundedAbove + 1) : (most + to, unboundedAbove);
            }

            for (var at = 0; at < cells.Length; at++)
            {
                var cell = cells[at];
                if (!hidden[cell])
                {
                    continue;
                }

                var sign = relations.Sign(index, at);
                var (from, to) = Term(sign, low[cell], high[cell]);
                // sign × cell = −(the others), whose range is the relation's range without this term.
                var othersLeast = double.IsInfinity(from) ? (unboundedBelow == 1 ? least : double.NegativeInfinity) : (unboundedBelow == 0 ? least - from : double.NegativeInfinity);
                var othersMost = double.IsInfinity(to) ? (unboundedAbove == 1 ? most : double.PositiveInfinity) : (unboundedAbove == 0 ? most - to : double.PositiveInfinity);
                // An inequality (the signed sum is at least 0) bounds the term from one side only: sign × cell ≥ −(the others).
                var (termLeast, termMost) = (-othersMost, relations.IsInequality(index) ? double.PositiveInfinity : -othersLeast);
                var (newLow, newHigh) = sign > 0 ? (termLeast / sign, termMost / sign) : (termMost / sign, termLeast / sign);
                newLow = Math.Max(low[cell], Math.Ceiling(newLow));
                newHigh = Math.Min(high[cell], Math.Floor(newHigh));
                if (newLow > newHigh || (newLow == low[cell] && newHigh == high[cell]))
                {
                    // No change, or a contradiction: a relation that is not exact (a reopened case) proves nothing.
                    continue;
                }

                (low[cell], high[cell]) = (newLow, newHigh);
                if (newLow == newHigh)
                {
                    pinnedBy.TryAdd(cell, index);
                }

                foreach (var other in relations.Of(cell))
                {
                    if (!queued[other])
                    {
                        queued[other] = true;
                        pending.Enqueue(other);
                    }
                }
            }
        }

        return [.. pinnedBy.Select(pair => (pair.Key, pair.Value))];
    }

    private static (double From, double To) Term(int sign, double low, double high) =>
        sign > 0 ? (sign * low, sign * high) : (sign * high, sign * low);
}

/// <summary>
/// The linear relations of a cube over cell numbers: each sums its signed cells to zero, or, an inequality, to at least zero.
/// </summary>
internal sealed class Relations
{
    private readonly int[] _offsets;
    private readonly int[] _relationsOf;
    private readonly bool[] _inequalities;

    public Relations(int[][] cells, int[]?[] signs, bool[] inequalities, int cellCount)
    {
        Cells = cells;
        Signs = signs;
        _inequalities = inequalities;
        _offsets = new int[cellCount + 1];
        foreach (var relation in cells)
        {
            foreach (var cell in relation)
            {
                _offsets[cell + 1]++;
            }
        }

        for (var cell = 0; cell < cellCount; cell++)
        {
            _offsets[cell + 1] += _offsets[cell];
        }

        _relationsOf = new int[_offsets[cellCount]];
        var filled = (int[])_offsets.Clone();
        for (var index = 0; index < cells.Length; index++)
        {
            foreach (var cell in cells[index])
            {
                _relationsOf[filled[cell]++] = index;
            }
        }
    }

    /// <summary>The cells of each relation; without <see cref="Signs"/>, the first is the sum of the others.</summary>
    public int[][] Cells { get; }

    public int[]?[] Signs { get; }

    public int Count => Cells.Length;

    /// <summary>Whether the relation's signed sum is only known to be at least zero (a part of a total, not the total).</summary>
    public bool IsInequality(int relation) => _inequalities[relation];

    public int Sign(int relation, int at) => Signs[relation] is { } signs ? signs[at] : at == 0 ? 1 : -1;

    public ReadOnlySpan<int> Of(int cell) => _relationsOf.AsSpan(_offsets[cell], _offsets[cell + 1] - _offsets[cell]);
}
