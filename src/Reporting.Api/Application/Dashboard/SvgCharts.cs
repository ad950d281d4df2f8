using System.Globalization;
using System.Text;
using KimPlatform.Reporting.Api.Apis;
using static System.Net.WebUtility;

namespace KimPlatform.Reporting.Api.Application.Dashboard;

/// <summary>
/// Bar charts as inline SVG, drawn on the server. A suppressed count gets no bar, only its label (<c>&lt;5</c>), so
/// that neither the picture nor its coordinates tell the number.
/// </summary>
internal static class SvgCharts
{
    private const int Width = 900;
    private const int RowHeight = 44;
    private const int LabelWidth = 300;

    public static string HorizontalBars(string title, IReadOnlyList<CountCell> rows, Func<string, string> label, int threshold)
    {
        if (rows.Count == 0)
        {
            return $"<p class=\"empty\">{HtmlEncode(title)}: keine Zahlen im Zeitraum.</p>";
        }

        var max = Math.Max(1, rows.Max(row => row.Value ?? 0));
        var height = (rows.Count * RowHeight) + 10;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" role=\"img\" aria-label=\"{HtmlEncode(title)}\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\"><title>{HtmlEncode(title)}</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, y) = (rows[i], i * RowHeight);
            var barWidth = row.Suppressed ? 0 : (int)Math.Round((Width - LabelWidth - 90) * (double)(row.Value ?? 0) / max);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 30}\" class=\"label\">{HtmlEncode(label(row.Key))}</text>");
            if (!row.Suppressed)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y + 8}\" width=\"{barWidth}\" height=\"{RowHeight - 14}\" class=\"bar\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{LabelWidth + barWidth + 10}\" y=\"{y + 30}\" class=\"value\">{HtmlEncode(Value(row, threshold))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Columns(string title, IReadOnlyList<CountCell> columns, Func<string, string> label, int threshold)
    {
        const int height = 320;
        const int chartTop = 40;
        const int chartBottom = height - 50;
        var max = Math.Max(1, columns.Max(column => column.Value ?? 0));
        var step = (double)Width / Math.Max(1, columns.Count);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" role=\"img\" aria-label=\"{HtmlEncode(title)}\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\"><title>{HtmlEncode(title)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{chartBottom}\" x2=\"{Width}\" y2=\"{chartBottom}\" class=\"axis\"/>");
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var x = (i * step) + (step * 0.15);
            var barHeight = column.Suppressed ? 0 : (int)Math.Round((chartBottom - chartTop) * (double)(column.Value ?? 0) / max);
            if (!column.Suppressed)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{x:0}\" y=\"{chartBottom - barHeight}\" width=\"{step * 0.7:0}\" height=\"{barHeight}\" class=\"bar\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + (step * 0.35):0}\" y=\"{chartBottom - barHeight - 8}\" class=\"value\" text-anchor=\"middle\">{HtmlEncode(Value(column, threshold))}</text>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{x + (step * 0.35):0}\" y=\"{chartBottom + 34}\" class=\"label\" text-anchor=\"middle\">{HtmlEncode(label(column.Key))}</text>");
        }

        return svg.Append("</svg>").ToString();
    }

    public static string Value(CountCell cell, int threshold) =>
        cell.Suppressed ? $"<{threshold}" : (cell.Value ?? 0).ToString("N0", CultureInfo.GetCultureInfo("de-DE"));
}
