using System.ComponentModel;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Extensions;
using KimPlatform.Reporting.Api.Infrastructure;
using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KimPlatform.Reporting.Api.Apis;

public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/reports")
            .WithTags("Reports")
            .RequireAuthorization(KimPolicies.Coordinator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/cases", GetCaseReport)
            .WithName("GetCaseReport")
            .WithSummary("Open cases per municipality")
            .WithDescription("Counts of the caller's tenant; counts below the tenant's suppression threshold are suppressed.");

        return app;
    }

    public static async Task<Results<Ok<CaseReport>, ValidationProblem>> GetCaseReport(
        [Description("First day (inclusive) on which counted cases were opened")] DateOnly? from,
        [Description("Last day (inclusive) on which counted cases were opened")] DateOnly? to,
        [Description("Only this municipality")] string? municipality,
        CallerContext caller,
        ReportingDbContext db,
        IOptions<ReportingOptions> options,
        CancellationToken cancellationToken)
    {
        if (from is { } start && to is { } end && start > end)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["to"] = ["'to' lies before 'from'."] });
        }

        var facts = db.CaseFacts.AsNoTracking()
            .Where(fact => fact.Phase != CasePhases.Closed && fact.Municipality != CaseFact.NotYetKnown);
        if (from is { } first)
        {
            var since = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            facts = facts.Where(fact => fact.OpenedAt >= since);
        }

        // The last representable day has no day after it: it bounds nothing.
        if (to is { } last && last < DateOnly.MaxValue)
        {
            var until = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            facts = facts.Where(fact => fact.OpenedAt < until);
        }

        if (!string.IsNullOrWhiteSpace(municipality))
        {
            facts = facts.Where(fact => fact.Municipality == municipality);
        }

        // Row-level security limits the rows to the caller's tenant; the transaction carries the tenant setting.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counts = await facts
            .GroupBy(fact => fact.Municipality)
            .Select(group => new { Municipality = group.Key, Count = group.Count() })
            .OrderBy(row => row.Municipality)
            .ToListAsync(cancellationToken);

        var threshold = options.Value.SuppressionThresholdFor(caller.RequiredTenantId);
        return TypedResults.Ok(new CaseReport(
            caller.RequiredTenantId,
            from,
            to,
            threshold,
            counts.Select(row => MunicipalityCount.Of(row.Municipality, row.Count, threshold)).ToArray()));
    }
}
