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
    private readonly Random _random = new(20261127);

    // The column being reduced, over the relations, and the original columns it is the sum of: dense while it is worked
    // on (a dictionary per step was most of the cost), with the entries touched listed for clearing.
    private readonly Scratch _vector = new(relations.Count);
    private readonly Scratch _combination = new(cellCount);

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

    /// <summary>A reduced column over the equality relations, its pivot relation, and the original columns it is the sum of.</summary>
    private sealed record Reduced(int Pivot, int[] Relations, ulong[] Values, int[] Columns, ulong[] Weights);

    private void Add(int cell)
    {
        // The cell's column: its sign in each equality relation (a relation that names it twice, twice).
        foreach (var index in relations.Of(cell))
        {
            if (relations.IsInequality(index) || _vector.Touched(index))
            {
                continue;
            }

            var cells = relations.Cells[index];
            var sum = 0UL;
            for (var at = 0; at < cells.Length; at++)
            {
                sum = cells[at] == cell ? Plus(sum, Mod(relations.Sign(index, at))) : sum;
            }

            _vector.Set(index, sum);
            if (sum != 0 && _pivotOf.TryGetValue(index, out var earlier))
            {
                _waiting.Enqueue(earlier, earlier);
            }
        }

        _combination.Set(cell, 1);

        // A reduced column holds no pivot of the ones before it, so taking them in order clears every pivot.
        while (_waiting.TryDequeue(out var earlier, out _))
        {
            var reduced = _basis[earlier];
            var factor = _vector[reduced.Pivot];
            if (factor == 0)
            {
                continue;
            }

            var minus = Prime - factor;
            for (var at = 0; at < reduced.Relations.Length; at++)
            {
                var relation = reduced.Relations[at];
                var before = _vector[relation];
                _vector.Set(relation, Plus(before, Multiply(minus, reduced.Values[at])));
                if (before == 0 && _vector[relation] != 0 && _pivotOf.TryGetValue(relation, out var later))
                {
                    _waiting.Enqueue(later, later);
                }
            }

            for (var at = 0; at < reduced.Columns.Length; at++)
            {
                var column = reduced.Columns[at];
                _combination.Set(column, Plus(_combination[column], Multiply(minus, reduced.Weights[at])));
            }
        }

        var (vectorAt, vectorValues) = _vector.TakeNonZero();
        var (columns, weights) = _combination.TakeNonZero();
        if (vectorAt.Length == 0)
        {
            // The combination of columns sums to nothing: a solution of the homogeneous system.
            var weight = (ulong)_random.NextInt64(1, (long)Prime);
            for (var at = 0; at < columns.Length; at++)
            {
                _witness[columns[at]] = Plus(_witness[columns[at]], Multiply(weight, weights[at]));
            }

            return;
        }

        // The pivot: the shortest relation of the column, to keep later reductions short.
        var chosen = 0;
        for (var at = 1; at < vectorAt.Length; at++)
        {
            var (length, best) = (relations.Cells[vectorAt[at]].Length, relations.Cells[vectorAt[chosen]].Length);
            chosen = length < best || (length == best && vectorAt[at] < vectorAt[chosen]) ? at : chosen;
        }

        var inverse = Inverse(vectorValues[chosen]);
        for (var at = 0; at < vectorValues.Length; at++)
        {
            vectorValues[at] = Multiply(vectorValues[at], inverse);
        }

        for (var at = 0; at < weights.Length; at++)
        {
            weights[at] = Multiply(weights[at], inverse);
        }

        _pivotOf[vectorAt[chosen]] = _basis.Count;
        _basis.Add(new Reduced(vectorAt[chosen], vectorAt, vectorValues, columns, weights));
    }

    /// <summary>A dense vector that remembers which entries it touched, so that taking it out clears it cheaply.</summary>
    private sealed class Scratch(int size)
    {
        private readonly ulong[] _values = new ulong[size];
        private readonly bool[] _touched = new bool[size];
        private readonly List<int> _order = [];

        public ulong this[int index] => _values[index];

        public bool Touched(int index) => _touched[index];

        public void Set(int index, ulong value)
        {
            if (!_touched[index])
            {
                _touched[index] = true;
                _order.Add(index);
            }

            _values[index] = value;
        }

        /// <summary>The non-zero entries in the order first touched, and the vector cleared.</summary>
        public (int[] At, ulong[] Values) TakeNonZero()
        {
            var count = 0;
            foreach (var index in _order)
            {
                count += _values[index] != 0 ? 1 : 0;
            }

            var (at, values) = (new int[count], new ulong[count]);
            count = 0;
            foreach (var index in _order)
            {
                if (_values[index] != 0)
                {
                    (at[count], values[count]) = (index, _values[index]);
                    count++;
                }

                (_values[index], _touched[index]) = (0, false);
            }

            _order.Clear();
            return (at, values);
        }
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
