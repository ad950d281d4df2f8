using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// A whole month (<c>2026-03</c>), quarter (<c>2026-Q1</c>) or year (<c>2026</c>): never an arbitrary range of days, so
/// that a suppressed count cannot be recovered by moving a window by a day.
/// </summary>
public sealed partial record ReportPeriod(int Year, int FirstMonthNumber, int LastMonthNumber, string Text)
{
    /// <summary>The period's place in a year's suppression cube: months 0–11, quarters 12–15, the year 16.</summary>
    public int Slot => (LastMonthNumber - FirstMonthNumber) switch
    {
        0 => FirstMonthNumber - 1,
        2 => 12 + ((FirstMonthNumber - 1) / 3),
        _ => 16,
    };

    public DateOnly FirstMonth => new(Year, FirstMonthNumber, 1);
    public DateOnly LastMonth => new(Year, LastMonthNumber, 1);

    public static ReportPeriod OfYear(int year) => new(year, 1, 12, year.ToString(CultureInfo.InvariantCulture));

    public static bool TryParse(string? text, [NotNullWhen(true)] out ReportPeriod? period)
    {
        period = null;
        var match = text is null ? Match.Empty : Pattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            period = month is >= 1 and <= 12 ? new ReportPeriod(year, month, month, text!) : null;
        }
        else if (match.Groups["quarter"].Success)
        {
            var quarter = match.Groups["quarter"].Value[0] - '0';
            period = quarter is >= 1 and <= 4 ? new ReportPeriod(year, (quarter * 3) - 2, quarter * 3, text!) : null;
        }
        else
        {
            period = OfYear(year);
        }

        return period is not null;
    }

    [GeneratedRegex(@"^(?<year>20[0-9]{2})(?:-(?<month>[0-9]{2})|-Q(?<quarter>[0-9]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
