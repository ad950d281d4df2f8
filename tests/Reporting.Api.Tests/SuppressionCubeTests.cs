using System.Diagnostics;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Application.Suppression;
using KimPlatform.Reporting.Api.Tests.Support;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>The suppression of a cube on its own, without a database: what the audit step adds to primary and secondary.</summary>
public sealed class SuppressionCubeTests(ITestOutputHelper output)
{
    private static readonly string[] Places = ["A", "B", "C", "D", "E"];

    [Fact]
    public void Suppress_ShownTotalEqualToItsHiddenParts_HidesTheTotalSoNoPartIsPinnedToOne()
    {
        // Five municipalities with one case each: all five are hidden, and a shown total of 5 would make each of them 1.
        var (cube, audit) = Table(Places.Select(place => (place, 1L)).ToArray(), threshold: 5);

        Assert.All(Places, place => Assert.True(cube.IsSuppressed(Cell(place))));
        Assert.True(cube.IsSuppressed(Cell(CellKey.All)), "the total 5 over five hidden cells of at least 1 pins each to 1");
        Assert.Empty(audit.Recovered());
    }

    [Fact]
    public void Suppress_ShownTotalLeavingRoomForItsHiddenParts_ShowsTheTotal()
    {
        // Six over five hidden cells: each is 1 or 2, not one value, so the total may stay.
        var (cube, audit) = Table([("A", 2), ("B", 1), ("C", 1), ("D", 1), ("E", 1)], threshold: 5);

        Assert.False(cube.IsSuppressed(Cell(CellKey.All)));
        Assert.Empty(audit.Recovered());
    }

    [Fact]
    public void Suppress_RelationsThatDetermineACellOnlyTogether_HidesMoreUntilNoneDoes()
    {
        // a + b, b + c and a + c are shown (each relation has two hidden cells, so the secondary rule is content), but
        // together they give a = (ab − bc + ac) / 2.
        var cube = new SuppressionCube();
        var audit = new DisclosureAudit();
        var hidden = new Dictionary<string, long> { ["a"] = 2, ["b"] = 3, ["c"] = 4 };
        var sums = new (string Total, string First, string Second, long Other)[] { ("ab", "a", "b", 10), ("bc", "b", "c", 11), ("ac", "a", "c", 12) };
        foreach (var (name, value) in hidden)
        {
            cube.Add(Cell(name), value);
        }

        foreach (var (total, first, second, other) in sums)
        {
            cube.Add(Cell(total), hidden[first] + hidden[second] + other);
            cube.Add(Cell(total + "-other"), other);
            cube.Relate(Cell(total), [Cell(first), Cell(second), Cell(total + "-other")]);
            audit.Sum(total, [first, second, total + "-other"]);
        }

        cube.Suppress(5);

        foreach (var key in cube.Keys)
        {
            audit.Saw(key.Municipality, cube.IsSuppressed(key) ? null : cube.ValueOf(key));
        }

        Assert.True(audit.Hidden.Count > 3, "one more cell hidden than the three small ones");
        Assert.Empty(audit.Recovered());
        Assert.Equal(0, cube.Unprotected);
    }

    [Fact]
    public void Suppress_AnInequalityTheCountsBreak_IsNotTrusted()
    {
        // T = A + B with A = 2 hidden and B = 8 hidden with it; "P is at most B" would pin B between P = 9 and T − 1 = 9,
        // but the counts break it (9 > 8), so a reader cannot rely on it and nothing more is hidden for it.
        var cube = PartOfAHiddenCell(a: 2, b: 8, p: 9);

        Assert.True(cube.IsSuppressed(Cell("A")) && cube.IsSuppressed(Cell("B")));
        Assert.False(cube.IsSuppressed(Cell("T")) || cube.IsSuppressed(Cell("P")));
    }

    [Fact]
    public void Suppress_AnInequalityThatPinsAHiddenCell_HidesOneMoreOfIt()
    {
        // T = A + B with A = 1 and B = 9 hidden; P = 9 is at most B (a target group of the open cases, say): B is at
        // least 9 and at most T − 1 = 9, so B and A would follow unless one more cell goes.
        var cube = PartOfAHiddenCell(a: 1, b: 9, p: 9);

        Assert.True(cube.IsSuppressed(Cell("A")) && cube.IsSuppressed(Cell("B")));
        Assert.True(cube.IsSuppressed(Cell("T")) || cube.IsSuppressed(Cell("P")), "B pinned to 9 by P ≤ B ≤ T − A");
        Assert.Equal(0, cube.Unprotected);
    }

    [Fact]
    public void AssembleCaseYear_ACountyOfTheBenchmarksSize_LeavesNoHiddenCellDetermined()
    {
        // The categories of bench/reporting/generate.sql at North Rhine-Westphalia's scale (8 municipalities, about 40 new
        // cases per municipality and month), with stocks that follow from the flows, as the projections keep them.
        var random = new Random(2026);
        var stocks = new List<FigureReader.StockChange>();
        var flows = new List<CubeBuilder.MonthlyCount>();
        var families = new (string Figure, int Count)[]
        {
            ("open:phase", 4), ("open:target-group", 6), ("open:residence-status", 6), ("open:reachability", 3), ("open:age-band", 5), ("open:case-manager", 25),
        };
        var openBefore = new List<(CellKey, long, bool)>();
        for (var place = 1; place <= 8; place++)
        {
            var municipality = $"Kommune {place}";
            var open = families.ToDictionary(family => family.Figure, family => new long[family.Count]);
            void Move(int month, int cases, int sign)
            {
                foreach (var (figure, count) in families)
                {
                    var changes = new long[count];
                    for (var n = 0; n < cases; n++)
                    {
                        var category = random.Next(count);
                        while (sign < 0 && open[figure][category] + changes[category] <= 0)
                        {
                            category = (category + 1) % count;
                        }

                        changes[category] += sign;
                    }

                    for (var category = 0; category < count; category++)
                    {
                        open[figure][category] += changes[category];
                        stocks.Add(new(figure, municipality, $"{figure}-{category}", month, changes[category]));
                    }
                }
            }

            Move(0, 120, 1);
            openBefore.Add((new CellKey("open", municipality, CellKey.All, 11), 120, false));
            for (var month = 1; month <= 12; month++)
            {
                var (opened, closed) = (random.Next(20, 60), random.Next(0, 16));
                Move(month, opened, 1);
                Move(month, closed, -1);
                flows.Add(new("new", municipality, "", month, opened));
                foreach (var (figure, count) in new[] { ("closed:reason", 7), ("closed:outcome", 3) })
                {
                    foreach (var group in Enumerable.Range(0, closed).GroupBy(_ => random.Next(count)))
                    {
                        flows.Add(new(figure, municipality, $"{figure}-{group.Key}", month, group.Count()));
                    }
                }

                foreach (var figure in new[] { "goals:agreed", "goals:achieved" })
                {
                    for (var category = 0; category < 8; category++)
                    {
                        flows.Add(new(figure, municipality, $"{figure}-{category}", month, random.Next(0, 14)));
                    }
                }
            }
        }

        openBefore.Add((new CellKey("open", CellKey.All, CellKey.All, 11), 960, false));
        var (clock, processor) = (Stopwatch.StartNew(), Process.GetCurrentProcess().TotalProcessorTime);
        var cube = FigureReader.AssembleCaseYear(CaseFigures.Cube, flows, stocks, openBefore, threshold: 5);
        var used = Process.GetCurrentProcess().TotalProcessorTime - processor;
        output.WriteLine($"{cube.Size} cells, {cube.Keys.Count(cube.IsSuppressed)} hidden, built and suppressed in {clock.ElapsedMilliseconds} ms ({used.TotalMilliseconds:0} ms CPU)");

        Assert.Equal(0, cube.Unprotected);
    }

    /// <summary>T = 10 = A + B, and P is at most B; suppressed with the threshold 5.</summary>
    private static SuppressionCube PartOfAHiddenCell(long a, long b, long p)
    {
        var cube = new SuppressionCube();
        foreach (var (place, value) in new[] { ("T", 10L), ("A", a), ("B", b), ("P", p) })
        {
            cube.Add(Cell(place), value);
        }

        cube.Relate(Cell("T"), [Cell("A"), Cell("B")]);
        cube.AtMost(Cell("B"), [Cell("P")]);
        cube.Suppress(5);
        return cube;
    }

    private static CellKey Cell(string place) => new("f", place, "", 0);

    /// <summary>A total over municipalities, suppressed, and what a reader sees of it.</summary>
    private static (SuppressionCube Cube, DisclosureAudit Audit) Table((string Place, long Value)[] parts, int threshold)
    {
        var cube = new SuppressionCube();
        foreach (var (place, value) in parts)
        {
            cube.Add(Cell(place), value);
            cube.Add(Cell(CellKey.All), value);
        }

        cube.Relate(Cell(CellKey.All), parts.Select(part => Cell(part.Place)));
        cube.Suppress(threshold);
        var audit = new DisclosureAudit();
        foreach (var key in cube.Keys)
        {
            audit.Saw(key.Municipality, cube.IsSuppressed(key) ? null : cube.ValueOf(key));
        }

        audit.Sum(CellKey.All, parts.Select(part => part.Place));
        return (cube, audit);
    }
}
