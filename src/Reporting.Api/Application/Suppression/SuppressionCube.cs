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
/// </list>
/// After <see cref="Suppress"/> the cube is read-only and may be shared by concurrent answers.
/// </summary>
public sealed class SuppressionCube
{
    private readonly Dictionary<CellKey, long> _values = [];
    private readonly HashSet<CellKey> _suppressed = [];
    private readonly Dictionary<CellKey, bool> _fixed = [];
    private readonly List<CellKey[]> _relations = [];
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
    public void Relate(CellKey total, IEnumerable<CellKey> parts) => _relations.Add([total, .. parts]);

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

        var relations = _relations.Select(relation => Array.ConvertAll(relation, Id)).ToArray();
        var count = cells.Count;
        var values = new long[count];
        var hidden = new bool[count];
        var fixedCells = new bool[count];
        for (var cell = 0; cell < count; cell++)
        {
            values[cell] = ValueOf(cells[cell]);
        }

        // The relations of each cell, in one array (offsets per cell).
        var offsets = new int[count + 1];
        foreach (var relation in relations)
        {
            foreach (var cell in relation)
            {
                offsets[cell + 1]++;
            }
        }

        for (var cell = 0; cell < count; cell++)
        {
            offsets[cell + 1] += offsets[cell];
        }

        var relationsOf = new int[offsets[count]];
        var filled = (int[])offsets.Clone();
        for (var index = 0; index < relations.Length; index++)
        {
            foreach (var cell in relations[index])
            {
                relationsOf[filled[cell]++] = index;
            }
        }

        // Only relations that hold a newly hidden cell need another look; each waits in the queue at most once.
        var pending = new Queue<int>();
        var queued = new bool[relations.Length];
        void Hide(int cell)
        {
            if (hidden[cell])
            {
                return;
            }

            hidden[cell] = true;
            for (var at = offsets[cell]; at < offsets[cell + 1]; at++)
            {
                if (!queued[relationsOf[at]])
                {
                    queued[relationsOf[at]] = true;
                    pending.Enqueue(relationsOf[at]);
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

        while (pending.TryDequeue(out var index))
        {
            queued[index] = false;
            var relation = relations[index];
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

            // Hide the smallest other non-zero part; when there is none, the total.
            var candidate = -1;
            for (var at = 1; at < relation.Length; at++)
            {
                if (Free(relation[at]) && (candidate < 0 || Compare(relation[at], candidate) < 0))
                {
                    candidate = relation[at];
                }
            }

            candidate = candidate >= 0 ? candidate : Free(relation[0]) ? relation[0] : -1;
            if (candidate >= 0)
            {
                Hide(candidate);
            }
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
