namespace KimPlatform.Reporting.Api.Application.Suppression;

/// <summary>
/// The audit step of <see cref="SuppressionCube.Suppress"/>: which hidden cells a reader could still work out from every
/// shown cell of the cube and all its relations together, not one relation at a time.
/// <list type="bullet">
/// <item>Linear algebra: a hidden cell is determined when the relations, restricted to the hidden cells, combine to it
/// alone (its unit vector lies in their row space). Gauss–Jordan elimination per connected group of hidden cells,
/// exactly, modulo the prime 2^61 − 1 (no rounding; a combination that only vanishes modulo the prime would count as
/// determined, which only hides more). It depends on the pattern, not on the values.</item>
/// <item>Bounds: every hidden cell is at least 1 (zeros are shown), and a relation bounds each of its cells by the
/// bounds of the others. A cell whose range narrows to one value (a shown 5 over five hidden cells, each then 1) is
/// pinned.</item>
/// </list>
/// </summary>
internal static class DisclosureCheck
{
    private const ulong Prime = (1UL << 61) - 1;

    /// <summary>A hidden cell a reader can work out, and the relation to hide another cell in (−1: any of its relations).</summary>
    public readonly record struct Disclosure(int Cell, int Relation);

    public static List<Disclosure> Find(Relations relations, long[] values, bool[] hidden)
    {
        var found = new Dictionary<int, int>();
        var pinned = Pinned(relations, values, hidden);
        foreach (var (cell, relation) in pinned)
        {
            found.TryAdd(cell, relation);
        }

        var determined = Determined(relations, hidden);
        foreach (var cell in determined)
        {
            found.TryAdd(cell, -1);
        }

        return [.. found.Select(pair => new Disclosure(pair.Key, pair.Value))];
    }

    /// <summary>
    /// Hidden cells whose unit vector lies in the row space of the relations over the hidden cells: equivalently, that are
    /// zero in every solution of the homogeneous system. Forward elimination (each pivot chosen among the row's cells in
    /// the fewest relations, to keep rows sparse), then one random solution of the homogeneous system by back
    /// substitution: a cell that is zero in it is zero in all of them, except with probability 2^−61 per cell (which
    /// only hides one cell more; the seed is fixed, so every build decides alike).
    /// </summary>
    private static List<int> Determined(Relations relations, bool[] hidden)
    {
        var occurrences = new int[hidden.Length];
        var rows = new List<Dictionary<int, ulong>>();
        for (var index = 0; index < relations.Count; index++)
        {
            if (relations.IsInequality(index))
            {
                continue;
            }

            var cells = relations.Cells[index];
            Dictionary<int, ulong>? row = null;
            for (var at = 0; at < cells.Length; at++)
            {
                if (hidden[cells[at]])
                {
                    row ??= [];
                    row[cells[at]] = Add(row.GetValueOrDefault(cells[at]), Mod(relations.Sign(index, at)));
                    occurrences[cells[at]]++;
                }
            }

            if (row is not null)
            {
                rows.Add(row);
            }
        }

        var pivotOf = new Dictionary<int, int>();
        var basis = new List<(int Pivot, Dictionary<int, ulong> Row)>();
        var waiting = new PriorityQueue<int, int>();
        foreach (var row in rows.OrderBy(row => row.Count))
        {
            foreach (var column in row.Keys)
            {
                if (pivotOf.TryGetValue(column, out var earlier))
                {
                    waiting.Enqueue(earlier, earlier);
                }
            }

            // A basis row holds no pivot of the rows before it, so taking them in order clears every pivot.
            while (waiting.TryDequeue(out var earlier, out _))
            {
                var (pivot, pivotRow) = basis[earlier];
                if (!row.TryGetValue(pivot, out var factor))
                {
                    continue;
                }

                foreach (var (column, value) in pivotRow)
                {
                    var before = row.GetValueOrDefault(column);
                    var after = Add(before, Prime - Multiply(factor, value));
                    if (after == 0)
                    {
                        row.Remove(column);
                        continue;
                    }

                    row[column] = after;
                    if (before == 0 && pivotOf.TryGetValue(column, out var later))
                    {
                        waiting.Enqueue(later, later);
                    }
                }
            }

            if (row.Count == 0)
            {
                continue;
            }

            var chosen = row.Keys.MinBy(column => ((long)occurrences[column] << 32) | (uint)column);
            var inverse = Inverse(row[chosen]);
            foreach (var column in row.Keys.ToArray())
            {
                row[column] = Multiply(row[column], inverse);
            }

            pivotOf[chosen] = basis.Count;
            basis.Add((chosen, row));
        }

        // A random solution: random values for the free cells, the pivots from the last basis row back to the first.
        var random = new Random(20261127);
        var solution = new Dictionary<int, ulong>();
        ulong ValueOf(int column)
        {
            if (!solution.TryGetValue(column, out var value))
            {
                solution[column] = value = (ulong)random.NextInt64(1, (long)Prime);
            }

            return value;
        }

        var determined = new List<int>();
        for (var index = basis.Count - 1; index >= 0; index--)
        {
            var (pivot, row) = basis[index];
            var sum = 0UL;
            foreach (var (column, value) in row)
            {
                sum = column == pivot ? sum : Add(sum, Multiply(value, ValueOf(column)));
            }

            solution[pivot] = sum == 0 ? 0 : Prime - sum;
            if (sum == 0)
            {
                determined.Add(pivot);
            }
        }

        return determined;
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

    private static ulong Mod(int value) => value >= 0 ? (ulong)value % Prime : Prime - ((ulong)(-(long)value) % Prime);

    private static ulong Add(ulong a, ulong b)
    {
        var sum = a + b;
        return sum >= Prime ? sum - Prime : sum;
    }

    private static ulong Multiply(ulong a, ulong b) => (ulong)((UInt128)a * b % Prime);

    private static ulong Inverse(ulong value)
    {
        // Fermat: value^(p−2).
        var (result, power, exponent) = (1UL, value, Prime - 2);
        while (exponent > 0)
        {
            if ((exponent & 1) == 1)
            {
                result = Multiply(result, power);
            }

            power = Multiply(power, power);
            exponent >>= 1;
        }

        return result;
    }
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
