using System.ComponentModel;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Application.Dashboard;
using KimPlatform.Reporting.Api.Extensions;
using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace KimPlatform.Reporting.Api.Apis;

public static class DashboardApi
{
    // The page's own GET form must be able to submit to itself; everything else stays as strict as HtmlPageResult's.
    private static readonly string PolicyWithOwnForm =
        HtmlPageResult.ContentSecurityPolicy.Replace("form-action 'none'", "form-action 'self'", StringComparison.Ordinal);

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/dashboard", GetDashboard)
            .WithTags("Reports")
            .RequireAuthorization(KimPolicies.Coordinator)
            .WithName("GetDashboard")
            .WithSummary("Dashboard for the steering group")
            .WithDescription("One HTML page with the period's figures as server-rendered SVG charts; small counts suppressed as in the API.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithFiguresAsOf();
        return app;
    }

    public static async Task<Results<HtmlPageResult, ValidationProblem>> GetDashboard(
        [Description("A whole month (2026-03), quarter (2026-Q1) or year (2026); the current year when absent")] string? period,
        [Description("Only this municipality")] string? municipality,
        CallerContext caller,
        CaseFigures cases,
        NetworkEventFigures events,
        ReferralFigures referrals,
        IOptions<ReportingOptions> options,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (ReportRequest.Validate(period, municipality, clock) is not ({ } parsed, var place))
        {
            return ReportRequest.Problem(period, municipality);
        }

        var tenant = caller.RequiredTenantId;
        var threshold = options.Value.SuppressionThresholdFor(tenant);
        var caseReport = await cases.ReadAsync(tenant, parsed, place, threshold, cancellationToken);
        var all = place is null ? caseReport : await cases.ReadAsync(tenant, parsed, null, threshold, cancellationToken);
        var byMonth = await cases.NewCasesByMonthAsync(parsed, place, threshold, cancellationToken);
        var eventReport = await events.ReadAsync(tenant, parsed, threshold, cancellationToken);
        var referralReport = await referrals.ReadAsync(tenant, parsed, place, threshold, cancellationToken);
        var municipalities = all.OpenCases.Rows.Select(row => row.Key).Union(all.NewCases.Rows.Select(row => row.Key)).Order(StringComparer.Ordinal).ToArray();

        http.Response.OnStarting(() =>
        {
            http.Response.Headers.ContentSecurityPolicy = PolicyWithOwnForm;
            return Task.CompletedTask;
        });
        return new HtmlPageResult(DashboardPage.Render(
            caseReport, byMonth, eventReport, referralReport, parsed, municipalities, Math.Max(parsed.Year, clock.GetUtcNow().Year)));
    }
}
