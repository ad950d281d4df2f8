namespace KimPlatform.Reporting.Api.Tests.Support;

/// <summary>
/// What a reader could compute from several answers (JSON, CSV) about counts that were suppressed: every shown value,
/// every suppressed one, and linear relations between cells (sums, and differences such as a stock and its flows).
/// A suppressed cell is recovered when the relations with the shown values determine it, by any combination of them
/// (Gaussian elimination, not just one relation at a time), or when bounds pin it to one value: a suppressed count is at
/// least 1 (zeros are shown), so a shown 5 over five suppressed cells makes each 1. Cells no answer mentions are zero:
/// rows with zero are left out.
/// </summary>
internal sealed class DisclosureAudit
{
    private readonly Dictionary<string, long> _shown = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hidden = new(StringComparer.Ordinal);
    private readonly List<(string Cell, int Sign)[]> _relations = [];
    private readonly List<(string Cell, int Sign)[]> _inequalities = [];

    public IReadOnlyCollection<string> Hidden => _hidden;

    public bool IsHidden(string cell) => _hidden.Contains(cell);

    /// <summary>Records a cell as an answer showed it; null is a suppressed cell.</summary>
    public void Saw(string cell, long? value)
    {
        if (value is { } shown)
        {
            Assert.False(_hidden.Contains(cell), $"{cell} is suppressed in one answer and shown ({shown}) in another.");
            Assert.True(!_shown.TryGetValue(cell, out var before) || before == shown, $"{cell} is shown as {before} and as {shown}.");
            _shown[cell] = shown;
        }
        else
        {
            Assert.False(_shown.ContainsKey(cell), $"{cell} is shown ({_shown.GetValueOrDefault(cell)}) in one answer and suppressed in another.");
            _hidden.Add(cell);
        }
    }

    public string Describe(string cell) => _hidden.Contains(cell) ? $"{cell}: hidden" : $"{cell}: {_shown.GetValueOrDefault(cell)}";

    /// <summary><paramref name="total"/> is the sum of <paramref name="parts"/>.</summary>
    public void Sum(string total, IEnumerable<string> parts) => _relations.Add([(total, 1), .. parts.Select(part => (part, -1))]);

    /// <summary>The signed terms add up to zero.</summary>
    public void Zero(params (string Cell, int Sign)[] terms) => _relations.Add(terms);

    /// <summary>The sum of <paramref name="parts"/> is at most <paramref name="total"/> (each part alone: one part).</summary>
    public void AtMost(string total, IEnumerable<string> parts) => _inequalities.Add([(total, 1), .. parts.Select(part => (part, -1))]);

    /// <summary>The sum of <paramref name="parts"/> is at least <paramref name="total"/> (every item lies in one part or more).</summary>
    public void AtLeast(string total, IEnumerable<string> parts) => _inequalities.Add([(total, -1), .. parts.Select(part => (part, 1))]);

    /// <summary>
    /// The suppressed cells that follow from one relation at a time with a single unknown, repeated while new values
    /// follow (a quarter minus its shown months, a total minus its shown parts, and so on).
    /// </summary>
    public IReadOnlyDictionary<string, double> RecoveredOneAtATime()
    {
        var known = _shown.ToDictionary(pair => pair.Key, pair => (double)pair.Value, StringComparer.Ordinal);
        bool Unknown(string cell) => _hidden.Contains(cell) && !known.ContainsKey(cell);
        bool changed;
        do
        {
            changed = false;
            foreach (var relation in _relations)
            {
                var unknown = relation.Where(term => Unknown(term.Cell)).ToArray();
                if (unknown.Length == 1)
                {
                    var rest = relation.Where(term => term.Cell != unknown[0].Cell).Sum(term => term.Sign * known.GetValueOrDefault(term.Cell));
                    known[unknown[0].Cell] = -rest / unknown[0].Sign;
                    changed = true;
                }
            }
        }
        while (changed);

        return _hidden.Where(known.ContainsKey).ToDictionary(cell => cell, cell => known[cell], StringComparer.Ordinal);
    }

    /// <summary>
    /// The suppressed cells that the shown ones determine, by any combination of the relations (<see cref="Solved"/>) or
    /// by bounds (<see cref="Bounded"/>), with their values.
    /// </summary>
    public IReadOnlyDictionary<string, double> Recovered()
    {
        var recovered = new Dictionary<string, double>(Solved(), StringComparer.Ordinal);
        foreach (var (cell, value) in Bounded())
        {
            recovered.TryAdd(cell, value);
        }

        return recovered;
    }

    /// <summary>
    /// The suppressed cells whose range collapses to one value: each is at least 1, and every relation bounds each of its
    /// cells by the others' bounds, repeated until nothing narrows.
    /// </summary>
    public IReadOnlyDictionary<string, double> Bounded()
    {
        var low = _hidden.ToDictionary(cell => cell, _ => 1.0, StringComparer.Ordinal);
        var high = _hidden.ToDictionary(cell => cell, _ => double.PositiveInfinity, StringComparer.Ordinal);
        (double Low, double High) Range(string cell) =>
            _hidden.Contains(cell) ? (low[cell], high[cell]) : (_shown.GetValueOrDefault(cell), _shown.GetValueOrDefault(cell));
        bool changed;
        var rounds = 0;
        do
        {
            changed = false;
            var all = _relations.Select(relation => (Terms: relation, Exact: true)).Concat(_inequalities.Select(relation => (Terms: relation, Exact: false)));
            foreach (var (relation, exact) in all.Where(relation => relation.Terms.Any(term => _hidden.Contains(term.Cell))))
            {
                foreach (var (cell, sign) in relation.Where(term => _hidden.Contains(term.Cell)))
                {
                    // sign × cell = −(the other terms): the others' least and most.
                    var (least, most) = (0.0, 0.0);
                    foreach (var (other, otherSign) in relation.Where(term => term.Cell != cell))
                    {
                        var (from, to) = Range(other);
                        least += otherSign > 0 ? otherSign * from : otherSign * to;
                        most += otherSign > 0 ? otherSign * to : otherSign * from;
                    }

                    // An equality: sign × cell = −(the others). An inequality: sign × cell ≥ −(the others), a bound on one side.
                    var (lowest, highest) = sign > 0 ? (-most / sign, -least / sign) : (-least / sign, -most / sign);
                    (lowest, highest) = exact ? (lowest, highest) : sign > 0 ? (lowest, double.PositiveInfinity) : (double.NegativeInfinity, highest);
                    var newLow = Math.Max(low[cell], Math.Ceiling(lowest));
                    var newHigh = Math.Min(high[cell], Math.Floor(highest));
                    if (newLow <= newHigh && (newLow != low[cell] || newHigh != high[cell]))
                    {
                        (low[cell], high[cell]) = (newLow, newHigh);
                        changed = true;
                    }
                }
            }
        }
        while (changed && ++rounds < 1000);

        return _hidden.Where(cell => low[cell] == high[cell]).ToDictionary(cell => cell, cell => low[cell], StringComparer.Ordinal);
    }

    /// <summary>The suppressed cells that the shown ones and any combination of the relations determine, with their values.</summary>
    public IReadOnlyDictionary<string, double> Solved()
    {
        var unknowns = _hidden.Order(StringComparer.Ordinal).ToArray();
        var column = unknowns.Select((cell, index) => (cell, index)).ToDictionary(pair => pair.cell, pair => pair.index, StringComparer.Ordinal);
        var rows = new List<double[]>();
        foreach (var relation in _relations)
        {
            var row = new double[unknowns.Length + 1];
            var any = false;
            foreach (var (cell, sign) in relation)
            {
                if (column.TryGetValue(cell, out var index))
                {
                    row[index] += sign;
                    any = true;
                }
                else
                {
                    row[^1] -= sign * _shown.GetValueOrDefault(cell);
                }
            }

            if (any)
            {
                rows.Add(row);
            }
        }

        // Reduced row echelon form: a row with a single unknown left determines it.
        var pivotRow = 0;
        for (var col = 0; col < unknowns.Length && pivotRow < rows.Count; col++)
        {
            var best = Enumerable.Range(pivotRow, rows.Count - pivotRow).MaxBy(r => Math.Abs(rows[r][col]));
            if (Math.Abs(rows[best][col]) < 1e-9)
            {
                continue;
            }

            (rows[pivotRow], rows[best]) = (rows[best], rows[pivotRow]);
            var pivot = rows[pivotRow];
            var factor = pivot[col];
            for (var c = 0; c < pivot.Length; c++)
            {
                pivot[c] /= factor;
            }

            for (var r = 0; r < rows.Count; r++)
            {
                if (r != pivotRow && Math.Abs(rows[r][col]) > 1e-12)
                {
                    var times = rows[r][col];
                    for (var c = 0; c < pivot.Length; c++)
                    {
                        rows[r][c] -= times * pivot[c];
                    }
                }
            }

            pivotRow++;
        }

        var recovered = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in rows.Take(pivotRow))
        {
            var nonZero = Enumerable.Range(0, unknowns.Length).Where(c => Math.Abs(row[c]) > 1e-9).ToArray();
            if (nonZero.Length == 1)
            {
                recovered[unknowns[nonZero[0]]] = Math.Round(row[^1] / row[nonZero[0]], 6);
            }
        }

        return recovered;
    }
}
