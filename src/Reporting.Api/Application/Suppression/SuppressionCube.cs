namespace KimPlatform.Reporting.Api.Application.Suppression;

/// <summary>
/// One address in a tenant-year of counts: a figure, a municipality (or <see cref="All"/>), a category (or
/// <see cref="All"/>) and a period slot (<see cref="ReportPeriod.Slot"/>).
/// </summary>
public readonly record struct CellKey(string Figure, string Municipality, string Category, int Slot)
{
    public const string All = "\u0000all";
}

/// <summary>
/// Small-cell suppression over every count of a tenant's year that any answer can show, so that all answers (any
/// period of the year, any municipality filter) hide the same cells:
/// <list type="bullet">
/// <item>primary: a count above zero and below the threshold;</item>
/// <item>secondary: in every sum relation (a total and its municipalities, a total and its categories, a year and its
/// quarters or months, a quarter and its months) no cell may be the only hidden one, since it would be the total minus
/// the others; the smallest other non-zero cell is hidden too, until no relation has exactly one.</item>
/// </list>
/// </summary>
public sealed class SuppressionCube
{
    private readonly Dictionary<CellKey, long> _values = [];
    private readonly HashSet<CellKey> _suppressed = [];
    private readonly List<CellKey[]> _relations = [];

    public void Add(CellKey key, long value) => _values[key] = _values.GetValueOrDefault(key) + value;

    public long ValueOf(CellKey key) => _values.GetValueOrDefault(key);

    public bool IsSuppressed(CellKey key) => _suppressed.Contains(key);

    public IEnumerable<CellKey> Keys => _values.Keys;

    /// <summary>Declares that <paramref name="total"/> is the sum of <paramref name="parts"/>.</summary>
    public void Relate(CellKey total, IEnumerable<CellKey> parts) => _relations.Add([total, .. parts]);

    public void Suppress(int threshold)
    {
        var relationsOf = new Dictionary<CellKey, List<int>>();
        for (var index = 0; index < _relations.Count; index++)
        {
            foreach (var key in _relations[index])
            {
                if (!relationsOf.TryGetValue(key, out var list))
                {
                    relationsOf[key] = list = [];
                }

                list.Add(index);
            }
        }

        // Only relations that hold a newly hidden cell need another look.
        var pending = new Queue<int>();
        void Hide(CellKey key)
        {
            if (_suppressed.Add(key) && relationsOf.TryGetValue(key, out var affected))
            {
                affected.ForEach(pending.Enqueue);
            }
        }

        foreach (var (key, value) in _values)
        {
            if (value > 0 && value < threshold)
            {
                Hide(key);
            }
        }

        while (pending.TryDequeue(out var index))
        {
            var relation = _relations[index];
            if (relation.Count(_suppressed.Contains) != 1)
            {
                continue;
            }

            // Hide the smallest other non-zero part; when there is none, the total.
            var candidate = relation.Skip(1)
                .Where(key => !_suppressed.Contains(key) && ValueOf(key) > 0)
                .OrderBy(ValueOf).ThenBy(key => key.Municipality, StringComparer.Ordinal).ThenBy(key => key.Category, StringComparer.Ordinal)
                .Cast<CellKey?>()
                .FirstOrDefault();
            candidate ??= !_suppressed.Contains(relation[0]) && ValueOf(relation[0]) > 0 ? relation[0] : null;
            if (candidate is { } hide)
            {
                Hide(hide);
            }
        }
    }
}
