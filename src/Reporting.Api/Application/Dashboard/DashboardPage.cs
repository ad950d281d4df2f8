using System.Globalization;
using System.Text;
using KimPlatform.Reporting.Api.Apis;
using static System.Net.WebUtility;

namespace KimPlatform.Reporting.Api.Application.Dashboard;

/// <summary>
/// The steering group's dashboard: one page, German labels, large type and high contrast for a projector, charts as
/// inline SVG, a plain GET form for period and municipality; no scripts, no fonts, no requests to anywhere.
/// </summary>
internal static class DashboardPage
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["intake"] = "Erstgespräch", ["assessment"] = "Bedarfsanalyse", ["plan"] = "Integrationsplan", ["monitoring"] = "Begleitung",
        ["closed"] = "Abgeschlossen", ["women"] = "Frauen", ["families"] = "Familien", ["youth"] = "Jugendliche",
        ["young-adults"] = "Junge Erwachsene", ["seniors"] = "Ältere Menschen", ["people-with-disabilities"] = "Menschen mit Behinderungen",
        ["asylum-seeker"] = "Asylsuchende", ["temporary-protection"] = "Vorübergehender Schutz", ["recognised-refugee"] = "Anerkannte Geflüchtete",
        ["tolerated"] = "Geduldete", ["eu-citizen"] = "EU-Bürgerinnen und -Bürger", ["other"] = "Sonstige", ["good"] = "Gut",
        ["medium"] = "Mittel", ["low"] = "Gering", ["world-cafe"] = "World Café", ["conference"] = "Fachtag", ["workshop"] = "Workshop",
        ["goals-achieved"] = "Ziele erreicht", ["moved-away"] = "Weggezogen", ["no-longer-reachable"] = "Nicht mehr erreichbar",
        ["handed-over"] = "Übergeben", ["person-declined"] = "Abgelehnt", ["erased"] = "Gelöscht",
    };

    private static readonly string[] MonthNames = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];

    public static string Render(
        CaseReport cases, IReadOnlyList<CountCell> newCasesByMonth, EventReport events, ReferralReport referrals,
        ReportPeriod period, IReadOnlyList<string> municipalities, int year)
    {
        var threshold = cases.SuppressionThreshold;
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>KIM-Kennzahlen {{HtmlEncode(PeriodText(period))}}</title>
            <style>
            body { margin: 0; padding: 1.5rem 2.5rem; background: #fff; color: #000; font: 22px/1.4 system-ui, "DejaVu Sans", Arial, sans-serif; }
            h1 { font-size: 2.2rem; margin: 0 0 .5rem; } h2 { font-size: 1.6rem; margin: 2rem 0 .5rem; border-bottom: 4px solid #003366; }
            form { display: flex; gap: 1.5rem; align-items: end; flex-wrap: wrap; margin: 1rem 0; }
            label { display: flex; flex-direction: column; font-weight: bold; }
            select, button { font: inherit; padding: .3rem .6rem; border: 3px solid #000; background: #fff; color: #000; }
            button { background: #003366; color: #fff; border-color: #003366; }
            .tiles { display: flex; gap: 1.5rem; flex-wrap: wrap; } .tile { border: 4px solid #003366; padding: .8rem 1.4rem; min-width: 12rem; }
            .tile .number { font-size: 2.6rem; font-weight: bold; } .note { font-size: 1rem; }
            .chart .bar { fill: #003366; } .chart .label, .chart .value { font-size: 22px; fill: #000; } .chart .axis { stroke: #000; stroke-width: 2; }
            .grid { display: flex; gap: 2rem; flex-wrap: wrap; }
            </style>
            </head>
            <body>
            <h1>KIM-Kennzahlen {{HtmlEncode(PeriodText(period))}}{{(cases.Municipality is { } place ? " – " + HtmlEncode(place) : "")}}</h1>
            <form method="get" action="">
            <label>Zeitraum <select name="period">
            """);
        foreach (var (value, text) in PeriodChoices(year))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<option value=\"{value}\"{(value == period.Text ? " selected" : "")}>{HtmlEncode(text)}</option>");
        }

        html.Append("</select></label><label>Kommune <select name=\"municipality\"><option value=\"\">Alle Kommunen</option>");
        foreach (var municipality in municipalities)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<option value=\"{HtmlEncode(municipality)}\"{(municipality == cases.Municipality ? " selected" : "")}>{HtmlEncode(municipality)}</option>");
        }

        html.Append("</select></label><button type=\"submit\">Anzeigen</button></form>");
        html.Append("<div class=\"tiles\">");
        Tile(html, "Offene Fälle am Ende", cases.OpenCases.Total, threshold);
        Tile(html, "Neue Fälle", cases.NewCases.Total, threshold);
        Tile(html, "Abgeschlossene Fälle", cases.ClosuresByReason.Total, threshold);
        Tile(html, "Erreichte Ziele", cases.GoalsAchieved.Total, threshold);
        Tile(html, "Vermittlungen", referrals.AllPartners.Requested, threshold);
        Tile(html, "Veranstaltungen", events.Events.Total, threshold);
        html.Append("</div>");

        html.Append("<h2>Neue Fälle je Monat ").Append(period.Year.ToString(CultureInfo.InvariantCulture)).Append("</h2>");
        html.Append(SvgCharts.Columns("Neue Fälle je Monat", newCasesByMonth, key => MonthNames[int.Parse(key[5..], CultureInfo.InvariantCulture) - 1], threshold));
        html.Append("<div class=\"grid\"><section><h2>Offene Fälle nach Phase</h2>");
        html.Append(SvgCharts.HorizontalBars("Offene Fälle nach Phase", cases.OpenByPhase.Rows, Label, threshold));
        html.Append("</section><section><h2>Offene Fälle nach Zielgruppe</h2>");
        html.Append(SvgCharts.HorizontalBars("Offene Fälle nach Zielgruppe", cases.OpenByTargetGroup.Rows, Label, threshold));
        html.Append("</section><section><h2>Offene Fälle nach Kommune</h2>");
        html.Append(SvgCharts.HorizontalBars("Offene Fälle nach Kommune", cases.OpenCases.Rows, key => key, threshold));
        html.Append("</section><section><h2>Abschlüsse nach Grund</h2>");
        html.Append(SvgCharts.HorizontalBars("Abschlüsse nach Grund", cases.ClosuresByReason.Rows, Label, threshold));
        html.Append("</section><section><h2>Veranstaltungen: Anmeldungen nach Format</h2>");
        html.Append(SvgCharts.HorizontalBars("Anmeldungen nach Format", events.Registrations.Rows, Label, threshold));
        html.Append("</section></div>");
        html.Append("<h2>Tage je Phase (Median)</h2><p>");
        html.Append(string.Join(" · ", cases.DaysPerPhase.Select(days =>
            $"{HtmlEncode(Label(days.Key))}: {(days.Suppressed ? "<" + threshold : days.Median?.ToString("0.#", German) ?? "–")}")));
        html.Append("</p>");
        html.Append(CultureInfo.InvariantCulture,
            $"<p class=\"note\">Zahlen unter {threshold} werden als „&lt;{threshold}“ gezeigt, ebenso Zahlen, aus denen sie sich errechnen ließen. Offene Fälle: Stand am Ende des Zeitraums.</p>");
        return html.Append("</body></html>").ToString();
    }

    private static void Tile(StringBuilder html, string title, CountCell? cell, int threshold) =>
        html.Append(CultureInfo.InvariantCulture,
            $"<div class=\"tile\"><div>{HtmlEncode(title)}</div><div class=\"number\">{HtmlEncode(cell is null ? "–" : SvgCharts.Value(cell, threshold))}</div></div>");

    private static string Label(string key) => Labels.TryGetValue(key, out var label) ? label : key;

    private static IEnumerable<(string Value, string Text)> PeriodChoices(int year)
    {
        foreach (var y in new[] { year, year - 1 })
        {
            var text = y.ToString(CultureInfo.InvariantCulture);
            yield return (text, $"Jahr {text}");
            for (var quarter = 1; quarter <= 4; quarter++)
            {
                yield return ($"{text}-Q{quarter}", $"{quarter}. Quartal {text}");
            }

            for (var month = 1; month <= 12; month++)
            {
                yield return ($"{text}-{month:00}", $"{MonthNames[month - 1]} {text}");
            }
        }
    }

    private static string PeriodText(ReportPeriod period) => period.Slot switch
    {
        16 => $"Jahr {period.Year}",
        >= 12 => $"{period.Slot - 11}. Quartal {period.Year}",
        _ => $"{MonthNames[period.FirstMonthNumber - 1]} {period.Year}",
    };
}
