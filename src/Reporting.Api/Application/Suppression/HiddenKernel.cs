namespace KimPlatform.Reporting.Api.Application.Suppression;

/// <summary>
/// The exact half of <see cref="DisclosureCheck"/>: which hidden cells the equality relations determine, kept up to date
/// while <see cref="SuppressionCube.Suppress"/> hides more, instead of eliminating from scratch in every round of its audit.
/// <para>
/// A hidden cell is determined when it is zero in every solution of the homogeneous system (the relations restricted to
/// the hidden cells). The cells only ever become hidden, so the columns of that system only ever grow: each new column is
/// reduced against the ones before (exactly, modulo the prime 2^61 − 1), remembering which original columns make up each
/// reduced one. A column that reduces to nothing closes a dependency, a new solution of the homogeneous system; a fixed
/// random multiple of it is added to <see cref="_witness"/>, a random combination of all solutions found. A cell that is
/// 0 there is 0 in every solution, except with probability 2^−61 per cell (which only hides one cell more; the seed is
/// fixed, so every build decides alike). An old solution stays one when a column joins (with 0 in it), so a cell once
/// undetermined stays so, and the result is the one a fresh elimination would give.
/// </para>
/// </summary>
internal sealed class HiddenKernel(Relations relations, int cellCount)
{
    private const ulong Prime = (1UL << 61) - 1;

    private readonly bool[] _added = new bool[cellCount];
    private readonly ulong[] _witness = new ulong[cellCount];
    private readonly List<Reduced> _basis = [];
    private readonly Dictionary<int, int> _pivotOf = [];
    private readonly PriorityQueue<int, int> _waiting = new();
    private readonly HashSet<int> _seen = [];
    private readonly Random _random = new(20261127);

    /// <summary>The hidden cells that the equality relations and the shown cells determine, after adding the newly hidden ones.</summary>
    public List<int> Determined(bool[] hidden)
    {
        for (var cell = 0; cell < hidden.Length; cell++)
        {
            if (hidden[cell] && !_added[cell])
            {
                _added[cell] = true;
                Add(cell);
            }
        }

        var determined = new List<int>();
        for (var cell = 0; cell < hidden.Length; cell++)
        {
            if (_added[cell] && _witness[cell] == 0)
            {
                determined.Add(cell);
            }
        }

        return determined;
    }

    /// <summary>A column over the equality relations, its pivot relation, and the original columns it is the sum of.</summary>
    private sealed record Reduced(int Pivot, Dictionary<int, ulong> Vector, Dictionary<int, ulong> Combination);

    private void Add(int cell)
    {
        // The cell's column: its sign in each equality relation (a relation that names it twice, twice).
        var vector = new Dictionary<int, ulong>();
        _seen.Clear();
        foreach (var index in relations.Of(cell))
        {
            if (relations.IsInequality(index) || !_seen.Add(index))
            {
                continue;
            }

            var cells = relations.Cells[index];
            var sum = 0UL;
            for (var at = 0; at < cells.Length; at++)
            {
                sum = cells[at] == cell ? Plus(sum, Mod(relations.Sign(index, at))) : sum;
            }

            if (sum != 0)
            {
                vector[index] = sum;
            }
        }

        var combination = new Dictionary<int, ulong> { [cell] = 1 };
        foreach (var relation in vector.Keys)
        {
            if (_pivotOf.TryGetValue(relation, out var earlier))
            {
                _waiting.Enqueue(earlier, earlier);
            }
        }

        // A reduced column holds no pivot of the ones before it, so taking them in order clears every pivot.
        while (_waiting.TryDequeue(out var earlier, out _))
        {
            var reduced = _basis[earlier];
            if (!vector.TryGetValue(reduced.Pivot, out var factor))
            {
                continue;
            }

            foreach (var (relation, value) in reduced.Vector)
            {
                var before = vector.GetValueOrDefault(relation);
                var after = Plus(before, Prime - Multiply(factor, value));
                if (after == 0)
                {
                    vector.Remove(relation);
                    continue;
                }

                vector[relation] = after;
                if (before == 0 && _pivotOf.TryGetValue(relation, out var later))
                {
                    _waiting.Enqueue(later, later);
                }
            }

            foreach (var (column, value) in reduced.Combination)
            {
                var after = Plus(combination.GetValueOrDefault(column), Prime - Multiply(factor, value));
                if (after == 0)
                {
                    combination.Remove(column);
                }
                else
                {
                    combination[column] = after;
                }
            }
        }

        if (vector.Count == 0)
        {
            // The combination of columns sums to nothing: a solution of the homogeneous system.
            var weight = (ulong)_random.NextInt64(1, (long)Prime);
            foreach (var (column, value) in combination)
            {
                _witness[column] = Plus(_witness[column], Multiply(weight, value));
            }

            return;
        }

        // The pivot: the shortest relation of the column, to keep later reductions short.
        var pivot = vector.Keys.MinBy(relation => ((long)relations.Cells[relation].Length << 32) | (uint)relation);
        var inverse = Inverse(vector[pivot]);
        foreach (var relation in vector.Keys.ToArray())
        {
            vector[relation] = Multiply(vector[relation], inverse);
        }

        foreach (var column in combination.Keys.ToArray())
        {
            combination[column] = Multiply(combination[column], inverse);
        }

        _pivotOf[pivot] = _basis.Count;
        _basis.Add(new Reduced(pivot, vector, combination));
    }

    private static ulong Mod(int value) => value >= 0 ? (ulong)value % Prime : Prime - ((ulong)(-(long)value) % Prime);

    private static ulong Plus(ulong a, ulong b)
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
