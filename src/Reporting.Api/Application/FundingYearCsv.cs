using System.Globalization;
using System.Text;
using KimPlatform.Reporting.Api.Apis;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// The funder's CSV as German Excel and LibreOffice open it by double-click: UTF-8 with a byte order mark, semicolons,
/// CRLF, decimal commas, fields quoted when they hold a semicolon, a quote or a line break; a suppressed count is
/// written <c>&lt;5</c> (the tenant's threshold).
/// </summary>
public static class FundingYearCsv
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly string[] Header =
    [
        "Kommune", "Offene Fälle zum Jahresende", "Neue Fälle", "Abgeschlossene Fälle", "Vereinbarte Ziele", "Erreichte Ziele",
        "Vermittlungen", "Abgeschlossene Vermittlungen", "Strukturelle Befunde", "Tage bis Abschluss (Median)", "Tage bis Abschluss (Mittelwert)",
    ];

    public static byte[] Render(int year, IReadOnlyList<FundingYearRow> rows, int threshold)
    {
        var csv = new StringBuilder();
        Line(csv, [$"Jahr {year.ToString(CultureInfo.InvariantCulture)}", .. Enumerable.Repeat("", Header.Length - 1)]);
        Line(csv, Header);
        foreach (var row in rows)
        {
            string Count(CountCell cell) => cell.Suppressed ? $"<{threshold}" : (cell.Value ?? 0).ToString(CultureInfo.InvariantCulture);
            string Days(double? days) => row.DaysToClosure.Suppressed ? $"<{threshold}" : days?.ToString("0.0", German) ?? "";
            Line(csv,
            [
                row.Municipality ?? "Insgesamt", Count(row.OpenAtYearEnd), Count(row.NewCases), Count(row.Closures), Count(row.GoalsAgreed),
                Count(row.GoalsAchieved), Count(row.Referrals), Count(row.ReferralsCompleted), Count(row.Findings),
                Days(row.DaysToClosure.Median), Days(row.DaysToClosure.Average),
            ]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(';', fields.Select(Field))).Append("\r\n");

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(";\"\r\n") >= 0 || value != value.Trim() ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
