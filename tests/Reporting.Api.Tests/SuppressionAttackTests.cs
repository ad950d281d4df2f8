using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Json;
using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Tests.Support;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>
/// A reader with the coordinator's rights asks for every period of a year (months, quarters, the year), for the whole
/// tenant and each municipality, and for the funder's CSV, and then combines the answers: a quarter minus its shown
/// months, the tenant minus its shown municipalities, the open cases minus the shown phases, closures by reason against
/// closures by outcome, and the open cases at the end of a month against those at the end of the month before plus the
/// month's new cases minus its closures, and a target group against the open cases (each group counts some of them). No
/// suppressed count may follow from any combination: not one relation at a time, not all of them together (Gaussian
/// elimination), and not by bounds (a suppressed count is at least 1, a target group at most the open cases).
/// </summary>
[Collection(ReportingApiCollection.Name)]
public sealed class SuppressionAttackTests(ReportingApiFactory factory, ITestOutputHelper output)
{
    private const int Year = 2025;
    private static readonly string[] Municipalities = ["Gütersloh", "Rietberg", "Verl", "Rheda-Wiedenbrück"];
    private static readonly string[] StockTables = ["openByPhase", "openByResidenceStatus", "openByReachability", "openByAgeBand", "caseloadByCaseManager"];
    private static readonly string[] ClosureTables = ["closuresByReason", "closuresByOutcome"];
    private const string TargetGroups = "openByTargetGroup";
    private static readonly string[] ReferralStatuses = ["accepted", "declined", "completed"];

    [Fact]
    public async Task CaseFigures_EveryPeriodFilterAndTheCsvCombined_NoSuppressedCountCanBeDerived()
    {
        var tenant = factory.TenantsWithThresholdFive[6];
        await factory.DeliverTogetherAsync([.. CraftedYear(tenant)]);

        var audit = await ReadEverythingAsync(factory.CoordinatorOf(tenant), Municipalities);

        AssertNothingRecovered(audit);
    }

    [Fact]
    public async Task CaseFigures_TargetGroupOfEveryCaseButAnErasedOne_DoesNotPinTheHiddenOpenCases()
    {
        // Seven young adults' cases, one erased (closed with reason "erased"): the closure (1) is hidden, and with it the
        // open cases (6, or they would give it away with the 7 new). Their target group counts 6 of at most the open
        // cases, so a shown 6 would make the open cases at least 6, and the 7 new minus a hidden closure at most 6.
        var tenant = factory.TenantsWithThresholdFive[4];
        var cases = Enumerable.Range(0, 7).Select(_ => new CaseEvents(tenant, "Rietberg", targetGroups: ["young-adults"])).ToArray();
        var events = new List<IntegrationEvent>(cases.Select(@case => @case.Opened(CaseEvents.On(Year, 3, 2))));
        var closing = cases[0].MovedTo("closed", CaseEvents.On(Year, 3, 9));
        events.AddRange([closing, cases[0].Closed("erased", "not-achieved"), cases[0].Erased(CaseEvents.On(Year, 3, 9)) with { Version = closing.Version }]);
        await factory.DeliverTogetherAsync([.. events]);

        var audit = await ReadEverythingAsync(factory.CoordinatorOf(tenant), ["Rietberg"]);

        Assert.True(audit.IsHidden(Stock("open", "Rietberg", "*", 2)), audit.Describe(Stock("open", "Rietberg", "*", 2)));
        Assert.True(audit.IsHidden(Flow("closed", "Rietberg", "*", 2)), audit.Describe(Flow("closed", "Rietberg", "*", 2)));
        AssertNothingRecovered(audit);
    }

    [Fact]
    public async Task ReferralFigures_AnsweredOnesOfTheRequestedAndTopicsCombined_NoSuppressedCountCanBeDerived()
    {
        // The adult education centre: 7 referrals, 6 accepted and 1 declined. The declined one is hidden; a shown 6
        // accepted of 7 requested would leave room for exactly one, since answered referrals are some of the requested.
        // The Jobcenter: 8, 5 of them accepted; its offer has two topics, so the topics add up to more than the referrals.
        var tenant = factory.TenantsWithThresholdFive[5];
        var (language, languageAndWork) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await factory.DeliverAsync(Offer(tenant, language, "language"), Offer(tenant, languageAndWork, "language", "work"));
        var events = new List<IntegrationEvent>();
        foreach (var (partner, offer, requested, accepted, declined) in new[] { ("vhs", language, 7, 6, 1), ("jobcenter", languageAndWork, 8, 5, 0) })
        {
            for (var n = 0; n < requested; n++)
            {
                var referral = Guid.CreateVersion7();
                events.Add(Referral.Requested(tenant, referral, offer, partner));
                events.AddRange(n < accepted ? [Referral.Accepted(tenant, referral, partner)] : n < accepted + declined ? [Referral.Declined(tenant, referral, partner)] : []);
            }
        }

        await factory.DeliverAsync([.. events]);
        var coordinator = factory.CoordinatorOf(tenant);
        var audit = new DisclosureAudit();
        var (partners, topics) = (new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        string[] municipalities = ["Rietberg"];

        foreach (var period in RecoveryAudit.PeriodsOf(Year))
        {
            var slot = RecoveryAudit.SlotOf(period);
            foreach (var municipality in municipalities.Prepend(null))
            {
                var place = municipality ?? RecoveryAudit.All;
                var report = await Report.GetAsync(coordinator, $"/api/reports/referrals?period={period}" + (municipality is null ? "" : "&municipality=" + municipality));
                SawTable(audit, report, "requested", key => Referrals("requested", place, Remember(partners, key), slot), Referrals("requested", place, "*", slot));
                foreach (var (topic, value) in Report.Rows(report, "byTopic"))
                {
                    audit.Saw(Referrals("topic", place, Remember(topics, topic), slot), value);
                }

                foreach (var row in report.GetProperty("byPartner").EnumerateArray().Append(report.GetProperty("allPartners")))
                {
                    var partner = row.GetProperty("partnerOrganisationId").GetString() is var key && key == "total" ? "*" : key!;
                    foreach (var status in ReferralStatuses.Prepend("requested"))
                    {
                        var cell = row.GetProperty(status);
                        audit.Saw(Referrals(status, place, partner, slot), cell.GetProperty("suppressed").GetBoolean() ? null : cell.GetProperty("value").GetInt64());
                    }
                }
            }
        }

        foreach (var (row, place) in await CsvAsync(coordinator))
        {
            audit.Saw(Referrals("requested", place, "*", 16), Count(row[6]));
            audit.Saw(Referrals("completed", place, "*", 16), Count(row[7]));
        }

        RelateReferrals(audit, municipalities, [.. partners], [.. topics]);
        Assert.True(audit.IsHidden(Referrals("declined", "Rietberg", "vhs", 2)), audit.Describe(Referrals("declined", "Rietberg", "vhs", 2)));
        AssertNothingRecovered(audit);
    }

    private void AssertNothingRecovered(DisclosureAudit audit)
    {
        Assert.NotEmpty(audit.Hidden);
        output.WriteLine($"{audit.Hidden.Count} hidden cells");
        var oneAtATime = audit.RecoveredOneAtATime();
        Assert.True(oneAtATime.Count == 0, "Recovered one at a time: " + string.Join("; ", oneAtATime.Select(cell => $"{cell.Key} = {cell.Value}")));
        var combined = audit.Recovered();
        Assert.True(combined.Count == 0, $"Recovered {combined.Count} of {audit.Hidden.Count} by combining relations or by bounds: "
            + string.Join("; ", combined.Take(20).Select(cell => $"{cell.Key} = {cell.Value}")));
    }

    /// <summary>Every period × municipality filter of the JSON and the dashboard, the December before and the CSV, related.</summary>
    private static async Task<DisclosureAudit> ReadEverythingAsync(HttpClient coordinator, string[] municipalities)
    {
        var audit = new DisclosureAudit();
        var categories = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        foreach (var period in RecoveryAudit.PeriodsOf(Year))
        {
            var slot = RecoveryAudit.SlotOf(period);
            var end = EndMonth(slot);
            foreach (var municipality in municipalities.Prepend(null))
            {
                var place = municipality ?? RecoveryAudit.All;
                var report = await Report.GetAsync(coordinator, $"/api/reports/cases?period={period}" + (municipality is null ? "" : "&municipality=" + Uri.EscapeDataString(municipality)));
                SawTable(audit, report, "openCases", key => Stock("open", key, "*", end), Stock("open", place, "*", end));
                SawTable(audit, report, "newCases", key => Flow("new", key, "", slot), Flow("new", place, "", slot));
                foreach (var table in StockTables.Append(TargetGroups))
                {
                    SawTable(audit, report, table, key => Stock(Remember(categories, table, key), place, key, end), Stock("open", place, "*", end));
                }

                foreach (var table in ClosureTables)
                {
                    SawTable(audit, report, table, key => Flow(Remember(categories, table, key), place, key, slot), Flow("closed", place, "*", slot));
                }

                // The days to closure are shown for at least the threshold's number of closures: beside hidden closures, a
                // shown median would tell the reader so.
                var daysToClosure = report.GetProperty("daysToClosure");
                if (!daysToClosure.GetProperty("suppressed").GetBoolean() && daysToClosure.GetProperty("median").ValueKind != JsonValueKind.Null)
                {
                    Assert.False(audit.IsHidden(Flow("closed", place, "*", slot)), $"days to closure shown beside hidden closures: {period} {place}");
                    audit.AtMost(Flow("closed", place, "*", slot), [ThresholdCell(audit)]);
                }

                var dashboard = await coordinator.GetStringAsync($"/reports/dashboard?period={period}" + (municipality is null ? "" : "&municipality=" + Uri.EscapeDataString(municipality)));
                audit.Saw(Stock("open", place, "*", end), Tile(dashboard, "Offene Fälle am Ende"));
                audit.Saw(Flow("new", place, "", slot), Tile(dashboard, "Neue Fälle"));
                audit.Saw(Flow("closed", place, "*", slot), Tile(dashboard, "Abgeschlossene Fälle"));
                foreach (var (month, value) in NewCasesByMonth(dashboard).Index())
                {
                    audit.Saw(Flow("new", place, "", month), value);
                }
            }
        }

        // The open cases at the end of the year before, which January's continue.
        foreach (var municipality in municipalities.Prepend(null))
        {
            var place = municipality ?? RecoveryAudit.All;
            var december = await Report.GetAsync(coordinator, $"/api/reports/cases?period={Year - 1}-12" + (municipality is null ? "" : "&municipality=" + Uri.EscapeDataString(municipality)));
            SawTable(audit, december, "openCases", key => Stock("open", key, "*", -1), Stock("open", place, "*", -1));
        }

        var csv = await CsvAsync(coordinator);
        foreach (var (row, place) in csv)
        {
            audit.Saw(Stock("open", place, "*", 11), Count(row[1]));
            audit.Saw(Flow("new", place, "", 16), Count(row[2]));
            audit.Saw(Flow("closed", place, "*", 16), Count(row[3]));
        }

        Relate(audit, municipalities, categories);
        return audit;
    }

    /// <summary>
    /// About 90 cases in four municipalities (most in one target group, some in two or none), opened from January to
    /// September, some moved on, some closed; and a few opened in November of the year before, so that January starts
    /// with open cases.
    /// </summary>
    private static IEnumerable<IntegrationEvent> CraftedYear(string tenant)
    {
        var random = new Random(20251);
        foreach (var (municipality, count) in new[] { ("Gütersloh", 6), ("Rietberg", 2), ("Verl", 3) })
        {
            for (var n = 0; n < count; n++)
            {
                var events = new CaseEvents(tenant, municipality);
                yield return events.Opened(CaseEvents.On(Year - 1, 11, 3));
                if (n % 2 == 0)
                {
                    yield return events.MovedTo("closed", CaseEvents.On(Year, 2 + n, 3));
                    yield return events.Closed("moved-away", "not-achieved");
                }
            }
        }

        var weights = new[] { 40, 26, 14, 9 };
        string Pick(string[] options) => options[random.Next(options.Length)];
        // Most cases in one target group, some in two, some in none.
        string[] TargetGroups() => random.Next(6) switch
        {
            0 => [],
            1 => ["families", "women"],
            var one => [new[] { "families", "women", "youth" }[one % 3]],
        };
        for (var index = 0; index < Municipalities.Length; index++)
        {
            for (var n = 0; n < weights[index]; n++)
            {
                var events = new CaseEvents(
                    tenant, Municipalities[index], Pick(["18-26", "27-44", "45-64"]), Pick(["asylum-seeker", "recognised-refugee", "eu-citizen"]),
                    TargetGroups(), Pick(["good", "medium", "low"]), Pick(["cm-1", "cm-2", "cm-3"]));
                var opened = CaseEvents.On(Year, 1 + random.Next(9), 10);
                yield return events.Opened(opened);
                if (random.Next(3) > 0)
                {
                    yield return events.MovedTo("assessment", opened.AddDays(20));
                }

                if (random.Next(5) < 2)
                {
                    yield return events.MovedTo("closed", opened.AddMonths(1 + random.Next(3)));
                    yield return events.Closed(Pick(["goals-achieved", "moved-away", "handed-over"]), Pick(["achieved", "partially-achieved", "not-achieved"]));
                }
            }
        }
    }

    /// <summary>The sums and differences every reader knows from the meaning of the figures.</summary>
    private static void Relate(DisclosureAudit audit, string[] municipalities, Dictionary<string, HashSet<string>> categories)
    {
        var places = municipalities.Append(RecoveryAudit.All).ToArray();
        string[] Of(string table) => [.. categories.GetValueOrDefault(table) ?? []];
        for (var month = 0; month < 12; month++)
        {
            audit.Sum(Stock("open", RecoveryAudit.All, "*", month), municipalities.Select(m => Stock("open", m, "*", month)));
            foreach (var table in StockTables.Append(TargetGroups))
            {
                foreach (var category in Of(table))
                {
                    audit.Sum(Stock(table, RecoveryAudit.All, category, month), municipalities.Select(m => Stock(table, m, category, month)));
                }
            }

            foreach (var place in places)
            {
                foreach (var table in StockTables)
                {
                    audit.Sum(Stock("open", place, "*", month), Of(table).Select(category => Stock(table, place, category, month)));
                }

                // A case may be in several target groups or none: each group counts at most the open cases.
                foreach (var category in Of(TargetGroups))
                {
                    audit.AtMost(Stock("open", place, "*", month), [Stock(TargetGroups, place, category, month)]);
                }

                // Open at the end of the month = open at the end of the one before + new − closed (no case was reopened).
                audit.Zero(
                    (Stock("open", place, "*", month), 1), (Stock("open", place, "*", month - 1), -1),
                    (Flow("new", place, "", month), -1), (Flow("closed", place, "*", month), 1));
            }
        }

        var flows = ClosureTables.SelectMany(table => Of(table).Select(category => (Figure: table, Category: category)))
            .Append(("new", "")).Append(("closed", "*")).ToArray();
        for (var slot = 0; slot < 17; slot++)
        {
            foreach (var (figure, category) in flows)
            {
                audit.Sum(Flow(figure, RecoveryAudit.All, category, slot), municipalities.Select(m => Flow(figure, m, category, slot)));
            }

            foreach (var place in places)
            {
                foreach (var table in ClosureTables)
                {
                    audit.Sum(Flow("closed", place, "*", slot), Of(table).Select(category => Flow(table, place, category, slot)));
                }
            }
        }

        foreach (var (figure, category) in flows)
        {
            foreach (var place in places)
            {
                RelatePeriods(audit, slot => Flow(figure, place, category, slot));
            }
        }
    }

    /// <summary>
    /// Referrals by partner add up to their total, per status; every figure adds up over municipalities and periods; the
    /// answered ones (accepted, declined, completed: one status at a time) are at most the requested ones; and each topic
    /// counts at most the referrals, all topics together at least them (an offer has one topic or more).
    /// </summary>
    private static void RelateReferrals(DisclosureAudit audit, string[] municipalities, string[] partners, string[] topics)
    {
        var places = municipalities.Append(RecoveryAudit.All).ToArray();
        var figures = ReferralStatuses.Prepend("requested").SelectMany(status => partners.Append("*").Select(partner => (Figure: status, Category: partner)))
            .Concat(topics.Select(topic => (Figure: "topic", Category: topic))).ToArray();
        for (var slot = 0; slot < 17; slot++)
        {
            foreach (var (figure, category) in figures)
            {
                audit.Sum(Referrals(figure, RecoveryAudit.All, category, slot), municipalities.Select(m => Referrals(figure, m, category, slot)));
            }

            foreach (var place in places)
            {
                foreach (var status in ReferralStatuses.Prepend("requested"))
                {
                    audit.Sum(Referrals(status, place, "*", slot), partners.Select(partner => Referrals(status, place, partner, slot)));
                }

                foreach (var partner in partners.Append("*"))
                {
                    audit.AtMost(Referrals("requested", place, partner, slot), ReferralStatuses.Select(status => Referrals(status, place, partner, slot)));
                }

                foreach (var topic in topics)
                {
                    audit.AtMost(Referrals("requested", place, "*", slot), [Referrals("topic", place, topic, slot)]);
                }

                audit.AtLeast(Referrals("requested", place, "*", slot), topics.Select(topic => Referrals("topic", place, topic, slot)));
            }
        }

        foreach (var (figure, category) in figures)
        {
            foreach (var place in places)
            {
                RelatePeriods(audit, slot => Referrals(figure, place, category, slot));
            }
        }
    }

    /// <summary>A year is the sum of its quarters and of its months, a quarter of its months (slots as <see cref="RecoveryAudit.SlotOf"/>).</summary>
    private static void RelatePeriods(DisclosureAudit audit, Func<int, string> at)
    {
        audit.Sum(at(16), Enumerable.Range(12, 4).Select(at));
        audit.Sum(at(16), Enumerable.Range(0, 12).Select(at));
        for (var quarter = 0; quarter < 4; quarter++)
        {
            audit.Sum(at(12 + quarter), Enumerable.Range(quarter * 3, 3).Select(at));
        }
    }

    private static OfferPublished Offer(string tenant, Guid offerId, params string[] topics) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = CaseEvents.On(Year, 3, 2), Version = 1, OfferId = offerId, OrganisationId = "vhs",
        Title = "Kurs", Topics = topics, TargetGroups = [], Languages = ["de"], Municipalities = ["Rietberg"],
    };

    // A shown cell that holds the threshold, for bounds such as "at least the threshold".
    private static string ThresholdCell(DisclosureAudit audit)
    {
        audit.Saw("threshold", 5);
        return "threshold";
    }

    private static void SawTable(DisclosureAudit audit, JsonElement report, string table, Func<string, string> rowCell, string totalCell)
    {
        foreach (var (key, value) in Report.Rows(report, table))
        {
            audit.Saw(rowCell(key), value);
        }

        if (report.GetProperty(table).GetProperty("total").ValueKind != JsonValueKind.Null)
        {
            audit.Saw(totalCell, Report.Total(report, table));
        }
    }

    /// <summary>A tile of the dashboard: its number, or null when it shows "&lt;5".</summary>
    private static long? Tile(string dashboard, string title)
    {
        var match = Regex.Match(dashboard, $"<div class=\"tile\"><div>{Regex.Escape(WebUtility.HtmlEncode(title))}</div><div class=\"number\">([^<]*)</div>");
        Assert.True(match.Success, $"no tile {title}");
        return DashboardCount(match.Groups[1].Value);
    }

    /// <summary>The twelve columns of the chart of new cases per month.</summary>
    private static IReadOnlyList<long?> NewCasesByMonth(string dashboard)
    {
        var chart = Regex.Match(
            dashboard, $"<svg class=\"chart\" role=\"img\" aria-label=\"{Regex.Escape(WebUtility.HtmlEncode("Neue Fälle je Monat"))}\".*?</svg>", RegexOptions.Singleline);
        Assert.True(chart.Success, "no chart of new cases per month");
        var values = Regex.Matches(chart.Value, "class=\"value\" text-anchor=\"middle\">([^<]*)</text>").Select(match => DashboardCount(match.Groups[1].Value)).ToArray();
        Assert.Equal(12, values.Length);
        return values;
    }

    private static long? DashboardCount(string text) =>
        WebUtility.HtmlDecode(text) is var shown && shown.StartsWith('<') ? null : long.Parse(shown.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static async Task<List<(string[] Row, string Place)>> CsvAsync(HttpClient coordinator)
    {
        var bytes = await (await coordinator.GetAsync($"/api/reports/funding-year/{Year}.csv")).Content.ReadAsByteArrayAsync();
        return GermanCsv.Parse(Encoding.UTF8.GetString(bytes[3..])).Skip(2)
            .Select(row => (row, row[0] == "Insgesamt" ? RecoveryAudit.All : row[0])).ToList();
    }

    private static long? Count(string field) => field.StartsWith('<') ? null : long.Parse(field, CultureInfo.InvariantCulture);

    private static string Remember(HashSet<string> seen, string key)
    {
        seen.Add(key);
        return key;
    }

    private static string Remember(Dictionary<string, HashSet<string>> categories, string table, string key)
    {
        if (!categories.TryGetValue(table, out var keys))
        {
            categories[table] = keys = new HashSet<string>(StringComparer.Ordinal);
        }

        keys.Add(key);
        return table;
    }

    /// <summary>A stock is the count at the end of a month: a quarter's and a year's are those of their last month.</summary>
    private static int EndMonth(int slot) => slot switch
    {
        < 12 => slot,
        < 16 => ((slot - 12) * 3) + 2,
        _ => 11,
    };

    /// <summary>A stock at the end of a month of the year (0–11); −1 is the end of the year before.</summary>
    private static string Stock(string figure, string place, string category, int month) => $"stock {figure}|{place}|{category}|end of month {month + 1}";

    private static string Flow(string figure, string place, string category, int slot) => $"flow {figure}|{place}|{category}|slot {slot}";

    private static string Referrals(string figure, string place, string category, int slot) => $"referrals {figure}|{place}|{category}|slot {slot}";
}
