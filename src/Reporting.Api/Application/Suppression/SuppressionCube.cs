namespace KimPlatform.Reporting.Api.Application.Suppression;

/// <summary>
/// One address in a tenant-year of counts: a figure, a municipality (or <see cref="All"/>), a category (or
/// <see cref="All"/>) and a period slot (<see cref="ReportPeriod.Slot"/>; for stocks the month whose end they count).
/// </summary>
public readonly record struct CellKey(string Figure, string Municipality, string Category, int Slot)
{
    public const string All = "\u0000all";
}

/// <summary>
/// Small-cell suppression over every count of a tenant's year that any answer can show, so that all answers (any
/// period of the year, any municipality filter, the JSON, the CSV and the dashboard) hide the same cells:
/// <list type="bullet">
/// <item>primary: a count above zero and below the threshold;</item>
/// <item>secondary: in every linear relation between cells (a total and its municipalities, a total and its categories,
/// a year and its quarters or months, a quarter and its months, a stock and the one before with the flows between) no
/// cell may be the only hidden one, since it would follow from the others; the smallest other non-zero cell is hidden
/// too, until no relation has exactly one.</item>
/// <item>audit: no hidden cell may follow from all shown cells and relations together, by any combination of the
/// relations or by bounds (<see cref="DisclosureCheck"/>); one more cell is hidden where one does, until none does.</item>
/// </list>
/// After <see cref="Suppress"/> the cube is read-only and may be shared by concurrent answers.
/// </summary>
public sealed class SuppressionCube
{
    private readonly Dictionary<CellKey, long> _values = [];
    private readonly HashSet<CellKey> _suppressed = [];
    private readonly Dictionary<CellKey, bool> _fixed = [];
    private readonly List<(CellKey[] Cells, int[]? Signs, bool Inequality)> _relations = [];
    private Dictionary<(string Figure, int Slot), CellKey[]> _byFigureAndSlot = [];

    public void Add(CellKey key, long value) => _values[key] = _values.GetValueOrDefault(key) + value;

    public long ValueOf(CellKey key) => _values.GetValueOrDefault(key);

    public bool IsSuppressed(CellKey key) => _suppressed.Contains(key);

    public IEnumerable<CellKey> Keys => _values.Keys;

    /// <summary>How many cells the cube holds: its weight in the cache.</summary>
    public int Size => _values.Count;

    /// <summary>The cells of one figure in one slot, after <see cref="Suppress"/>: what one table of an answer reads.</summary>
    public IReadOnlyList<CellKey> KeysOf(string figure, int slot) => _byFigureAndSlot.GetValueOrDefault((figure, slot)) ?? [];

    /// <summary>Declares that <paramref name="total"/> is the sum of <paramref name="parts"/> (or any linear relation of them).</summary>
    public void Relate(CellKey total, IEnumerable<CellKey> parts) => _relations.Add(([total, .. parts], null, false));

    /// <summary>Declares that the signed cells add up to zero (a stock = the one before + new − closed).</summary>
    public void Balance(params (CellKey Cell, int Sign)[] terms) =>
        _relations.Add(([.. terms.Select(term => term.Cell)], [.. terms.Select(term => term.Sign)], false));

    /// <summary>
    /// Declares that <paramref name="parts"/> together count at most <paramref name="total"/>'s items: a target group of
    /// the open cases, or the answered referrals of the requested ones. Not an equality, but a bound a reader knows.
    /// </summary>
    public void AtMost(CellKey total, IEnumerable<CellKey> parts) => Bound(total, parts, sign: 1);

    /// <summary>Declares that <paramref name="parts"/> together count at least <paramref name="total"/>'s items (every referral has a topic).</summary>
    public void AtLeast(CellKey total, IEnumerable<CellKey> parts) => Bound(total, parts, sign: -1);

    private void Bound(CellKey total, IEnumerable<CellKey> parts, int sign)
    {
        CellKey[] cells = [total, .. parts];
        _relations.Add((cells, [.. cells.Select((_, at) => at == 0 ? sign : -sign)], true));
    }

    /// <summary>How many hidden cells the audit found disclosed and could not protect (no free cell left to hide): 0 normally.</summary>
    public int Unprotected { get; private set; }

    /// <summary>A cell another cube has already decided (the year before's last stock): it keeps that decision here.</summary>
    public void Fix(CellKey key, bool suppressed) => _fixed[key] = suppressed;

    public void Suppress(int threshold)
    {
        // Cells as numbers from here: the relations are walked many times, and hashing a key of three strings at every
        // step is what made this slow.
        var ids = new Dictionary<CellKey, int>(_values.Count);
        var cells = new List<CellKey>(_values.Count);
        int Id(CellKey key)
        {
            if (!ids.TryGetValue(key, out var id))
            {
                ids[key] = id = cells.Count;
                cells.Add(key);
            }

            return id;
        }

        foreach (var key in _values.Keys.Concat(_fixed.Keys))
        {
            Id(key);
        }

        var numbered = _relations.Select(relation => (Cells: Array.ConvertAll(relation.Cells, Id), relation.Signs, relation.Inequality)).ToArray();
        var count = cells.Count;
        var values = new long[count];
        var hidden = new bool[count];
        var fixedCells = new bool[count];
        for (var cell = 0; cell < count; cell++)
        {
            values[cell] = ValueOf(cells[cell]);
        }

        // An inequality the counts break (a registration cancelled after its check-in) is nothing a reader can rely on:
        // only those that hold are declared. Trusting a broken one would pin cells to wrong values and hide most of the cube.
        numbered = [.. numbered.Where(relation => !relation.Inequality || relation.Cells.Select((cell, at) => relation.Signs![at] * values[cell]).Sum() >= 0)];
        var relations = new Relations(
            [.. numbered.Select(relation => relation.Cells)], [.. numbered.Select(relation => relation.Signs)],
            [.. numbered.Select(relation => relation.Inequality)], count);

        // Only relations that hold a newly hidden cell need another look; each waits in the queue at most once.
        var pending = new Queue<int>();
        var queued = new bool[relations.Count];
        void Hide(int cell)
        {
            if (hidden[cell])
            {
                return;
            }

            hidden[cell] = true;
            foreach (var index in relations.Of(cell))
            {
                if (!queued[index])
                {
                    queued[index] = true;
                    pending.Enqueue(index);
                }
            }
        }

        bool Free(int cell) => !hidden[cell] && !fixedCells[cell] && values[cell] > 0;

        // Smallest value first; ties in a fixed order of the keys, so that every build hides the same cells.
        int Compare(int a, int b)
        {
            var (x, y) = (cells[a], cells[b]);
            var order = values[a].CompareTo(values[b]);
            order = order != 0 ? order : string.CompareOrdinal(x.Municipality, y.Municipality);
            order = order != 0 ? order : string.CompareOrdinal(x.Category, y.Category);
            order = order != 0 ? order : string.CompareOrdinal(x.Figure, y.Figure);
            return order != 0 ? order : x.Slot.CompareTo(y.Slot);
        }

        // The smallest free cell of a relation, or -1.
        int SmallestFree(int index, bool totalToo)
        {
            var relation = relations.Cells[index];
            var candidate = -1;
            for (var at = totalToo ? 0 : 1; at < relation.Length; at++)
            {
                if (Free(relation[at]) && (candidate < 0 || Compare(relation[at], candidate) < 0))
                {
                    candidate = relation[at];
                }
            }

            return candidate;
        }

        foreach (var (key, suppressed) in _fixed)
        {
            fixedCells[ids[key]] = true;
            if (suppressed)
            {
                Hide(ids[key]);
            }
        }

        for (var cell = 0; cell < count; cell++)
        {
            if (values[cell] > 0 && values[cell] < threshold && !fixedCells[cell])
            {
                Hide(cell);
            }
        }

        void Secondary()
        {
            while (pending.TryDequeue(out var index))
            {
                queued[index] = false;
                // One hidden cell in an inequality gives a bound, not its value; the audit checks what bounds give away.
                if (relations.IsInequality(index))
                {
                    continue;
                }

                var relation = relations.Cells[index];
                var hiddenCount = 0;
                foreach (var cell in relation)
                {
                    if (hidden[cell] && ++hiddenCount > 1)
                    {
                        break;
                    }
                }

                if (hiddenCount != 1)
                {
                    continue;
                }

                // Hide the smallest other non-zero part; when there is none, the total (signed relations: any other cell).
                var candidate = SmallestFree(index, totalToo: relations.Signs[index] is not null);
                candidate = candidate >= 0 ? candidate : Free(relation[0]) ? relation[0] : -1;
                if (candidate >= 0)
                {
                    Hide(candidate);
                }
            }
        }

        Secondary();

        // The smallest free cell in the given relations; when they hold none, in the relations of their hidden cells, and
        // so on outwards: a cell determined through other relations is protected by hiding one in them.
        int Nearest(int cell, int[] options)
        {
            var seenCells = new HashSet<int> { cell };
            var seenRelations = new HashSet<int>(options);
            var frontier = options;
            while (frontier.Length > 0)
            {
                var candidate = -1;
                foreach (var index in frontier)
                {
                    var free = SmallestFree(index, totalToo: true);
                    candidate = free >= 0 && (candidate < 0 || Compare(free, candidate) < 0) ? free : candidate;
                }

                if (candidate >= 0)
                {
                    return candidate;
                }

                var next = new List<int>();
                foreach (var index in frontier)
                {
                    foreach (var other in relations.Cells[index])
                    {
                        if (hidden[other] && seenCells.Add(other))
                        {
                            foreach (var further in relations.Of(other))
                            {
                                if (seenRelations.Add(further))
                                {
                                    next.Add(further);
                                }
                            }
                        }
                    }
                }

                frontier = [.. next];
            }

            return -1;
        }

        // The audit: what all relations together still give away (DisclosureCheck). For each disclosed cell, smallest
        // first, one more cell is hidden: the smallest free one in the relation that pinned it (one per pinning relation
        // and round), or in any of its relations, or further out through its hidden neighbours; then the secondary rule
        // again, and another audit, until nothing is disclosed or nothing more can be hidden.
        var kernel = new HiddenKernel(relations, count);
        while (true)
        {
            var disclosed = DisclosureCheck.Find(relations, values, hidden, kernel);
            disclosed.Sort((a, b) => Compare(a.Cell, b.Cell));
            var touched = new HashSet<int>();
            var more = false;
            foreach (var (cell, pinnedBy) in disclosed)
            {
                int[] options = pinnedBy >= 0 ? [pinnedBy] : relations.Of(cell).ToArray();
                if (pinnedBy >= 0 && !touched.Add(pinnedBy))
                {
                    continue;
                }

                var candidate = Nearest(cell, options);
                if (candidate < 0)
                {
                    continue;
                }

                Hide(candidate);
                more = true;
            }

            if (!more)
            {
                Unprotected = disclosed.Count;
                break;
            }

            Secondary();
        }

        for (var cell = 0; cell < count; cell++)
        {
            if (hidden[cell])
            {
                _suppressed.Add(cells[cell]);
            }
        }

        _relations.Clear();
        _relations.TrimExcess();
        _byFigureAndSlot = _values.Keys.GroupBy(key => (key.Figure, key.Slot)).ToDictionary(group => group.Key, group => group.ToArray());
    }
}
