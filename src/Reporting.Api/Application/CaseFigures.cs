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
    public static readonly FigureFamily ByTargetGroup = new(Figures.OpenByTargetGroup, null);
    public static readonly FigureFamily ByResidenceStatus = new(Figures.OpenByResidenceStatus, OpenTotal);
    public static readonly FigureFamily ByReachability = new(Figures.OpenByReachability, OpenTotal);
    public static readonly FigureFamily ByAgeBand = new(Figures.OpenByAgeBand, OpenTotal);
    public static readonly FigureFamily ByCaseManager = new(Figures.Caseload, OpenTotal);
    public static readonly FigureFamily New = new(Figures.NewCases, null);
    public static readonly FigureFamily ClosuresByReason = new(Figures.ClosuresByReason, "closed");
    public static readonly FigureFamily ClosuresByOutcome = new(Figures.ClosuresByOutcome, "closed");
    public static readonly FigureFamily GoalsAgreed = new(Figures.GoalsAgreed, "goals-agreed");
    public static readonly FigureFamily GoalsAchieved = new(Figures.GoalsAchieved, "goals-achieved");

    private static readonly FigureFamily[] Stocks = [ByPhase, ByTargetGroup, ByResidenceStatus, ByReachability, ByAgeBand, ByCaseManager];
    private static readonly FigureFamily[] Flows = [New, ClosuresByReason, ClosuresByOutcome, GoalsAgreed, GoalsAchieved];
    private static readonly string[] Spans = [.. CasePhases.Open.Select(Figures.DaysInPhase), Figures.DaysToClosure];

    /// <summary>New cases per month of the period's year, from the same suppressed cube as the report.</summary>
    public Task<IReadOnlyList<CountCell>> NewCasesByMonthAsync(ReportPeriod period, string? municipality, int threshold, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync<IReadOnlyList<CountCell>>(async _ =>
        {
            var flows = await reader.FlowsAsync(Flows, period, threshold, cancellationToken);
            return Enumerable.Range(0, 12)
                .Select(slot => FigureReader.CellOf(flows, new CellKey(Figures.NewCases, municipality ?? CellKey.All, "", slot), $"{period.Year}-{slot + 1:00}"))
                .ToArray();
        }, cancellationToken);

    public Task<CaseReport> ReadAsync(string tenantId, ReportPeriod period, string? municipality, int threshold, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async _ =>
        {
            var stocks = await reader.StocksAsync(Stocks, period, threshold, cancellationToken);
            var flows = await reader.FlowsAsync(Flows, period, threshold, cancellationToken);
            var days = await reader.DaysAsync(Spans, period, municipality, threshold, cancellationToken);
            var slot = period.Slot;
            return new CaseReport(
                tenantId,
                period.Text,
                municipality,
                threshold,
                FigureReader.ByMunicipality(stocks, OpenTotal, CellKey.All, slot, municipality),
                FigureReader.ByMunicipality(flows, Figures.NewCases, "", slot, municipality),
                FigureReader.Table(stocks, ByPhase, slot, municipality),
                FigureReader.Table(stocks, ByTargetGroup, slot, municipality),
                FigureReader.Table(stocks, ByResidenceStatus, slot, municipality),
                FigureReader.Table(stocks, ByReachability, slot, municipality),
                FigureReader.Table(stocks, ByAgeBand, slot, municipality),
                FigureReader.Table(flows, ClosuresByReason, slot, municipality),
                FigureReader.Table(flows, ClosuresByOutcome, slot, municipality),
                FigureReader.Table(flows, GoalsAgreed, slot, municipality),
                FigureReader.Table(flows, GoalsAchieved, slot, municipality),
                CasePhases.Open.Select(phase => days[Figures.DaysInPhase(phase)] with { Key = phase }).ToArray(),
                days[Figures.DaysToClosure] with { Key = "closure" },
                FigureReader.Table(stocks, ByCaseManager, slot, municipality));
        }, cancellationToken);
}
