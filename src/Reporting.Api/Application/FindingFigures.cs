using System.Globalization;
using KimPlatform.Reporting.Api.Apis;
using KimPlatform.Reporting.Api.Application.Suppression;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.Application;

public sealed class FindingFigures(TenantUnitOfWork unitOfWork, FigureReader reader)
{
    public const string Total = "findings";
    public static readonly FigureFamily ByLifeArea = new(Figures.FindingsByLifeArea, Total);
    public static readonly FigureFamily ByTheme = new(Figures.FindingsByTheme, Total);
    public const string CubeName = "findings";
    public static readonly FigureFamily[] Families = [ByLifeArea, ByTheme];

    public Task<FindingReport> ReadAsync(string tenantId, ReportPeriod period, string? municipality, int threshold, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async _ =>
        {
            var flows = await reader.FlowsAsync(CubeName, Families, period, threshold, cancellationToken);
            var scope = municipality ?? CellKey.All;
            var months = Enumerable.Range(period.FirstMonthNumber, period.LastMonthNumber - period.FirstMonthNumber + 1)
                .Select(month => new CellKey(Total, scope, CellKey.All, month - 1))
                .Select(key => flows.IsSuppressed(key)
                    ? new CountCell(MonthText(period.Year, key.Slot + 1), null, true)
                    : new CountCell(MonthText(period.Year, key.Slot + 1), flows.ValueOf(key), false))
                .ToArray();
            var byLifeArea = FigureReader.Table(flows, ByLifeArea, period.Slot, municipality);
            return new FindingReport(
                tenantId, period.Text, municipality, threshold, byLifeArea, FigureReader.Table(flows, ByTheme, period.Slot, municipality),
                new CountTable(byLifeArea.Total, months));
        }, cancellationToken);

    private static string MonthText(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}");
}
