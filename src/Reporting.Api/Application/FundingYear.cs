using KimPlatform.Reporting.Api.Apis;
using KimPlatform.Reporting.Api.Application.Suppression;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>One line of the funder's yearly figures: a municipality, or the tenant's total (<see cref="Municipality"/> null).</summary>
public sealed record FundingYearRow(
    string? Municipality, CountCell OpenAtYearEnd, CountCell NewCases, CountCell Closures, CountCell GoalsAgreed, CountCell GoalsAchieved,
    CountCell Referrals, CountCell ReferralsCompleted, CountCell Findings, DaysFigure DaysToClosure);

/// <summary>
/// The year's figures per municipality for the state funder (Verwendungsnachweis, Sachbericht), from the same suppressed
/// cubes as the API, so that the CSV hides exactly what the JSON hides.
/// </summary>
public sealed class FundingYear(TenantUnitOfWork unitOfWork, FigureReader reader)
{
    private static readonly FigureFamily[] CaseStocks = [CaseFigures.ByPhase];
    private static readonly FigureFamily[] CaseFlows = [CaseFigures.New, CaseFigures.ClosuresByReason, CaseFigures.GoalsAgreed, CaseFigures.GoalsAchieved];
    private static readonly FigureFamily[] OtherFlows = [ReferralFigures.Requested, ReferralFigures.Completed, FindingFigures.ByLifeArea];

    public Task<IReadOnlyList<FundingYearRow>> ReadAsync(int year, int threshold, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync<IReadOnlyList<FundingYearRow>>(async _ =>
        {
            var period = ReportPeriod.OfYear(year);
            var stocks = await reader.StocksAsync(CaseStocks, period, threshold, cancellationToken);
            var cases = await reader.FlowsAsync(CaseFlows, period, threshold, cancellationToken);
            var others = await reader.FlowsAsync(OtherFlows, period, threshold, cancellationToken);
            var municipalities = new[] { stocks, cases, others }
                .SelectMany(cube => cube.Keys).Select(key => key.Municipality)
                .Where(municipality => municipality is not CellKey.All and not NetworkEventProjection.NoMunicipality)
                .Distinct().Order(StringComparer.Ordinal).ToArray();
            var rows = new List<FundingYearRow>();
            foreach (var municipality in municipalities.Append(null))
            {
                var days = await reader.DaysAsync([Figures.DaysToClosure], period, municipality, threshold, cancellationToken);
                var place = municipality ?? CellKey.All;
                CountCell Cell(SuppressionCube cube, string figure, string category) =>
                    FigureReader.CellOf(cube, new CellKey(figure, place, category, CubeBuilder.YearSlot), figure);
                rows.Add(new FundingYearRow(
                    municipality,
                    Cell(stocks, CaseFigures.ByPhase.TotalFigure!, CellKey.All),
                    Cell(cases, Figures.NewCases, ""),
                    Cell(cases, CaseFigures.ClosuresByReason.TotalFigure!, CellKey.All),
                    Cell(cases, CaseFigures.GoalsAgreed.TotalFigure!, CellKey.All),
                    Cell(cases, CaseFigures.GoalsAchieved.TotalFigure!, CellKey.All),
                    Cell(others, ReferralFigures.Requested.TotalFigure!, CellKey.All),
                    Cell(others, ReferralFigures.Completed.TotalFigure!, CellKey.All),
                    Cell(others, FindingFigures.ByLifeArea.TotalFigure!, CellKey.All),
                    days[Figures.DaysToClosure]));
            }

            return rows;
        }, cancellationToken);
}
