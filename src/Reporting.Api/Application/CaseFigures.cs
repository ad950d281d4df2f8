using KimPlatform.Reporting.Api.Apis;
using KimPlatform.Reporting.Api.Application.Suppression;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>The case figures of a tenant for a period, suppressed consistently across the periods of its year and its municipalities.</summary>
public sealed class CaseFigures(TenantUnitOfWork unitOfWork, FigureReader reader)
{
    private const string OpenTotal = "open";

    public static readonly FigureFamily ByPhase = new(Figures.OpenByPhase, OpenTotal);
    // A case may be in several target groups or none: each group counts some of the open cases.
    public static readonly FigureFamily ByTargetGroup = new(Figures.OpenByTargetGroup, null) { Within = OpenTotal };
    public static readonly FigureFamily ByResidenceStatus = new(Figures.OpenByResidenceStatus, OpenTotal);
    public static readonly FigureFamily ByReachability = new(Figures.OpenByReachability, OpenTotal);
    public static readonly FigureFamily ByAgeBand = new(Figures.OpenByAgeBand, OpenTotal);
    public static readonly FigureFamily ByCaseManager = new(Figures.Caseload, OpenTotal);
    public static readonly FigureFamily New = new(Figures.NewCases, null);
    public static readonly FigureFamily ClosuresByReason = new(Figures.ClosuresByReason, "closed");
    public static readonly FigureFamily ClosuresByOutcome = new(Figures.ClosuresByOutcome, "closed");
    public static readonly FigureFamily GoalsAgreed = new(Figures.GoalsAgreed, "goals-agreed");
    public static readonly FigureFamily GoalsAchieved = new(Figures.GoalsAchieved, "goals-achieved");

    /// <summary>Every case figure of a year: the answers, the dashboard and the funder's CSV all read this one cube.</summary>
    public static readonly CaseCube Cube = new(
        [ByPhase, ByTargetGroup, ByResidenceStatus, ByReachability, ByAgeBand, ByCaseManager],
        [New, ClosuresByReason, ClosuresByOutcome, GoalsAgreed, GoalsAchieved],
        New,
        ClosuresByReason);

    private static readonly string[] Spans = [.. CasePhases.Open.Select(Figures.DaysInPhase), Figures.DaysToClosure];

    /// <summary>New cases per month of the period's year, from the same suppressed cube as the report.</summary>
    public Task<IReadOnlyList<CountCell>> NewCasesByMonthAsync(ReportPeriod period, string? municipality, int threshold, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync<IReadOnlyList<CountCell>>(async _ =>
        {
            var cube = await reader.CaseYearAsync(Cube, period.Year, threshold, cancellationToken);
            return Enumerable.Range(0, 12)
                .Select(slot => FigureReader.CellOf(cube, new CellKey(Figures.NewCases, municipality ?? CellKey.All, "", slot), $"{period.Year}-{slot + 1:00}"))
                .ToArray();
        }, cancellationToken);

    public Task<CaseReport> ReadAsync(string tenantId, ReportPeriod period, string? municipality, int threshold, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async _ =>
        {
            var cube = await reader.CaseYearAsync(Cube, period.Year, threshold, cancellationToken);
            var days = await reader.DaysAsync(Spans, period, municipality, threshold, cancellationToken);
            // Stocks are counted at the end of the period's last month, flows over the period.
            var (slot, end) = (period.Slot, period.LastMonthNumber - 1);
            var closures = FigureReader.Table(cube, ClosuresByReason, slot, municipality);
            return new CaseReport(
                tenantId,
                period.Text,
                municipality,
                threshold,
                FigureReader.ByMunicipality(cube, OpenTotal, CellKey.All, end, municipality),
                FigureReader.ByMunicipality(cube, Figures.NewCases, "", slot, municipality),
                FigureReader.Table(cube, ByPhase, end, municipality),
                FigureReader.Table(cube, ByTargetGroup, end, municipality),
                FigureReader.Table(cube, ByResidenceStatus, end, municipality),
                FigureReader.Table(cube, ByReachability, end, municipality),
                FigureReader.Table(cube, ByAgeBand, end, municipality),
                closures,
                FigureReader.Table(cube, ClosuresByOutcome, slot, municipality),
                FigureReader.Table(cube, GoalsAgreed, slot, municipality),
                FigureReader.Table(cube, GoalsAchieved, slot, municipality),
                CasePhases.Open.Select(phase => days[Figures.DaysInPhase(phase)] with { Key = phase }).ToArray(),
                FigureReader.Beside(days[Figures.DaysToClosure] with { Key = "closure" }, closures.Total),
                FigureReader.Table(cube, ByCaseManager, end, municipality));
        }, cancellationToken);
}
