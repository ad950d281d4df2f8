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
    public Task<IReadOnlyList<FundingYearRow>> ReadAsync(int year, int threshold, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync<IReadOnlyList<FundingYearRow>>(async _ =>
        {
            var period = ReportPeriod.OfYear(year);
            // The very cubes the answers read: a count the JSON hides is hidden here, and the other way round.
            var cases = await reader.CaseYearAsync(CaseFigures.Cube, year, threshold, cancellationToken);
            var referrals = await reader.FlowsAsync(ReferralFigures.CubeName, ReferralFigures.Families, period, threshold, cancellationToken);
            var findings = await reader.FlowsAsync(FindingFigures.CubeName, FindingFigures.Families, period, threshold, cancellationToken);
            var municipalities = new[] { cases, referrals, findings }
                .SelectMany(cube => cube.Keys).Select(key => key.Municipality)
                .Where(municipality => municipality is not CellKey.All and not NetworkEventProjection.NoMunicipality)
                .Distinct().Order(StringComparer.Ordinal).ToArray();
            var rows = new List<FundingYearRow>();
            foreach (var municipality in municipalities.Append(null))
            {
                var days = await reader.DaysAsync([Figures.DaysToClosure], period, municipality, threshold, cancellationToken);
                var place = municipality ?? CellKey.All;
                CountCell Cell(SuppressionCube cube, string figure, string category, int slot = CubeBuilder.YearSlot) =>
                    FigureReader.CellOf(cube, new CellKey(figure, place, category, slot), figure);
                var closures = Cell(cases, CaseFigures.ClosuresByReason.TotalFigure!, CellKey.All);
                rows.Add(new FundingYearRow(
                    municipality,
                    Cell(cases, CaseFigures.ByPhase.TotalFigure!, CellKey.All, 11),
                    Cell(cases, Figures.NewCases, ""),
                    closures,
                    Cell(cases, CaseFigures.GoalsAgreed.TotalFigure!, CellKey.All),
                    Cell(cases, CaseFigures.GoalsAchieved.TotalFigure!, CellKey.All),
                    Cell(referrals, ReferralFigures.Requested.TotalFigure!, CellKey.All),
                    Cell(referrals, ReferralFigures.Completed.TotalFigure!, CellKey.All),
                    Cell(findings, FindingFigures.ByLifeArea.TotalFigure!, CellKey.All),
                    FigureReader.Beside(days[Figures.DaysToClosure], closures)));
            }

            return rows;
        }, cancellationToken);
}
