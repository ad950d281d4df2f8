namespace KimPlatform.Reporting.Api.Tests.Support;

/// <summary>
/// What a reader could learn from several answers about one count figure of a year: every value shown, and every value
/// that follows by subtraction from a sum relation (a total and its municipalities, a year and its quarters or months,
/// a quarter and its months) with one unknown, repeated until nothing new follows.
/// </summary>
internal sealed class RecoveryAudit
{
    public const string All = "*";

    private readonly Dictionary<(string Municipality, int Slot), long> _known = [];
    private readonly HashSet<(string Municipality, int Slot)> _suppressed = [];
    private readonly HashSet<string> _municipalities = [];

    public static int SlotOf(string period) => period.Length switch
    {
        4 => 16,
        7 when period[5] == 'Q' => 11 + (period[6] - '0'),
        _ => int.Parse(period[5..], System.Globalization.CultureInfo.InvariantCulture) - 1,
    };

    public static IEnumerable<string> PeriodsOf(int year) =>
        Enumerable.Range(1, 12).Select(month => $"{year}-{month:00}").Concat(Enumerable.Range(1, 4).Select(quarter => $"{year}-Q{quarter}")).Append($"{year}");

    public IReadOnlyCollection<(string Municipality, int Slot)> Suppressed => _suppressed;

    /// <summary>Records one cell as an answer showed it; null is a suppressed cell.</summary>
    public void Saw(string municipality, int slot, long? value)
    {
        if (municipality != All)
        {
            _municipalities.Add(municipality);
        }

        if (value is { } shown)
        {
            Assert.False(_suppressed.Contains((municipality, slot)), $"{municipality} in slot {slot} is suppressed in one answer and shown in another.");
            _known[(municipality, slot)] = shown;
        }
        else
        {
            Assert.False(_known.ContainsKey((municipality, slot)), $"{municipality} in slot {slot} is shown in one answer and suppressed in another.");
            _suppressed.Add((municipality, slot));
        }
    }

    /// <summary>The suppressed cells a reader can compute from the others.</summary>
    public IReadOnlyList<(string Municipality, int Slot, long Value)> Recovered()
    {
        var known = new Dictionary<(string, int), long>(_known);
        var places = _municipalities.Append(All).ToArray();
        var relations = new List<((string, int) Total, (string, int)[] Parts)>();
        for (var slot = 0; slot < 17; slot++)
        {
            relations.Add(((All, slot), _municipalities.Select(m => (m, slot)).ToArray()));
        }

        foreach (var place in places)
        {
            relations.Add(((place, 16), Enumerable.Range(12, 4).Select(slot => (place, slot)).ToArray()));
            relations.Add(((place, 16), Enumerable.Range(0, 12).Select(slot => (place, slot)).ToArray()));
            for (var quarter = 0; quarter < 4; quarter++)
            {
                relations.Add(((place, 12 + quarter), Enumerable.Range(quarter * 3, 3).Select(slot => (place, slot)).ToArray()));
            }
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var (total, parts) in relations)
            {
                // A cell no answer mentions is zero (rows with zero are left out).
                long Value((string, int) cell) => known.TryGetValue(cell, out var value) ? value : 0;
                bool Unknown((string, int) cell) => _suppressed.Contains(cell) && !known.ContainsKey(cell);
                var unknown = parts.Prepend(total).Where(Unknown).ToArray();
                if (unknown.Length != 1)
                {
                    continue;
                }

                var cell = unknown[0];
                known[cell] = cell == total ? parts.Sum(Value) : Value(total) - parts.Where(part => part != cell).Sum(Value);
                changed = true;
            }
        }
        while (changed);

        return _suppressed.Where(known.ContainsKey).Select(cell => (cell.Item1, cell.Item2, known[cell])).ToArray();
    }
}
