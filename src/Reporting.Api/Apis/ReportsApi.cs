using System.ComponentModel;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Extensions;
using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KimPlatform.Reporting.Api.Apis;

public static class ReportsApi
{
    private const string PeriodDescription = "A whole month (2026-03), quarter (2026-Q1) or year (2026); the current year when absent";

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports")
            .WithTags("Reports")
            .RequireAuthorization(KimPolicies.Coordinator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithFiguresAsOf();

        api.MapGet("/cases", GetCaseReport)
            .WithName("GetCaseReport")
            .WithSummary("Case figures for a period")
            .WithDescription("Open and new cases, cases per phase and category, closures, goals, days per phase and caseloads of the caller's tenant; small counts are suppressed.");

        api.MapGet("/referrals", GetReferralReport)
            .WithName("GetReferralReport")
            .WithSummary("Referral figures for a period")
            .WithDescription("Referrals made in the period per partner organisation and topic, their acceptance, decline and completion rates and the days to an answer.");

        api.MapGet("/events", GetEventReport)
            .WithName("GetEventReport")
            .WithSummary("Event figures for a period")
            .WithDescription("Veranstaltungen taking place in the period per format, registrations, waiting lists, attendance and ratings.");

        api.MapGet("/findings", GetFindingReport)
            .WithName("GetFindingReport")
            .WithSummary("Structural findings for a period")
            .WithDescription("Structural findings reported in the period per life area, theme and month.");

        api.MapGet("/funding-year/{year}.csv", GetFundingYearCsv)
            .WithName("GetFundingYearCsv")
            .WithSummary("The year's figures per municipality for the state funder")
            .WithDescription("CSV for German spreadsheet programs: UTF-8 with BOM, semicolons, decimal commas; suppressed counts as <5.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        return app;
    }

    public static async Task<Results<Ok<CaseReport>, ValidationProblem>> GetCaseReport(
        [Description(PeriodDescription)] string? period,
        [Description("Only this municipality")] string? municipality,
        CallerContext caller,
        CaseFigures figures,
        IOptions<ReportingOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (ReportRequest.Validate(period, municipality, clock) is not ({ } parsed, var place))
        {
            return ReportRequest.Problem(period, municipality);
        }

        var threshold = options.Value.SuppressionThresholdFor(caller.RequiredTenantId);
        return TypedResults.Ok(await figures.ReadAsync(caller.RequiredTenantId, parsed, place, threshold, cancellationToken));
    }

    public static async Task<Results<Ok<ReferralReport>, ValidationProblem>> GetReferralReport(
        [Description(PeriodDescription)] string? period,
        [Description("Only this municipality")] string? municipality,
        CallerContext caller,
        ReferralFigures figures,
        IOptions<ReportingOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (ReportRequest.Validate(period, municipality, clock) is not ({ } parsed, var place))
        {
            return ReportRequest.Problem(period, municipality);
        }

        var threshold = options.Value.SuppressionThresholdFor(caller.RequiredTenantId);
        return TypedResults.Ok(await figures.ReadAsync(caller.RequiredTenantId, parsed, place, threshold, cancellationToken));
    }

    public static async Task<Results<Ok<EventReport>, ValidationProblem>> GetEventReport(
        [Description(PeriodDescription)] string? period,
        CallerContext caller,
        NetworkEventFigures figures,
        IOptions<ReportingOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (ReportRequest.Validate(period, null, clock) is not ({ } parsed, _))
        {
            return ReportRequest.Problem(period, null);
        }

        var threshold = options.Value.SuppressionThresholdFor(caller.RequiredTenantId);
        return TypedResults.Ok(await figures.ReadAsync(caller.RequiredTenantId, parsed, threshold, cancellationToken));
    }

    public static async Task<Results<Ok<FindingReport>, ValidationProblem>> GetFindingReport(
        [Description(PeriodDescription)] string? period,
        [Description("Only this municipality")] string? municipality,
        CallerContext caller,
        FindingFigures figures,
        IOptions<ReportingOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (ReportRequest.Validate(period, municipality, clock) is not ({ } parsed, var place))
        {
            return ReportRequest.Problem(period, municipality);
        }

        var threshold = options.Value.SuppressionThresholdFor(caller.RequiredTenantId);
        return TypedResults.Ok(await figures.ReadAsync(caller.RequiredTenantId, parsed, place, threshold, cancellationToken));
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem>> GetFundingYearCsv(
        [Description("The calendar year, e.g. 2026")] string year,
        CallerContext caller,
        FundingYear figures,
        IOptions<ReportingOptions> options,
        CancellationToken cancellationToken)
    {
        if (!ReportPeriod.TryParse(year, out var period) || period.Slot != KimPlatform.Reporting.Api.Application.Suppression.CubeBuilder.YearSlot)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["Give a year such as 2026."] });
        }

        var threshold = options.Value.SuppressionThresholdFor(caller.RequiredTenantId);
        var rows = await figures.ReadAsync(period.Year, threshold, cancellationToken);
        return TypedResults.File(FundingYearCsv.Render(period.Year, rows, threshold), "text/csv; charset=utf-8", $"kim-{caller.RequiredTenantId}-{period.Year}.csv");
    }
}
