using KimPlatform.Cases.Api.Application;
using KimPlatform.Cases.Api.Application.DataMap;
using KimPlatform.Cases.Api.Application.Queries;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KimPlatform.Cases.Api.Apis;

/// <summary>The case's audit log and the person's rights: access (Art. 15 GDPR) and erasure (Art. 17).</summary>
public static class DataSubjectApi
{
    public static IEndpointRouteBuilder MapDataSubjectApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases/{id:guid}")
            .WithTags("Audit and data-subject rights")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/audit", GetAudit).RequireAuthorization(KimPolicies.CaseManager)
            .WithName("GetCaseAudit").WithSummary("Who read or changed the case, when, and which fields");
        api.MapGet("/export", ExportCase).RequireAuthorization(KimPolicies.CaseManager)
            .WithName("ExportCase").WithSummary("Everything held about the person (Art. 15 GDPR), as JSON");
        api.MapDelete("/", EraseCase).RequireAuthorization(KimPolicies.CaseManagerOrTenantAdmin)
            .WithName("EraseCase").WithSummary("Erase the person's data (Art. 17 GDPR), keeping an anonymous skeleton for statistics")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditEntryResponse>>, ProblemHttpResult>> GetAudit(
        Guid id, CaseAccess access, CaseQueries queries, CancellationToken cancellationToken)
    {
        if (await access.ReadAsync(id, "audit-read", ["audit"], cancellationToken) is null)
        {
            return CaseProblems.NotFound();
        }

        return TypedResults.Ok(await queries.AuditLogAsync(id, cancellationToken));
    }

    public static async Task<Results<Ok<CaseExport>, ProblemHttpResult>> ExportCase(
        Guid id, CaseAccess access, CaseQueries queries, PersonDataMap dataMap, CancellationToken cancellationToken)
    {
        var found = await access.ReadAsync(id, "export", ["*"], cancellationToken);
        if (found is null)
        {
            return CaseProblems.NotFound();
        }

        return TypedResults.Ok(new CaseExport(
            access.Now,
            CaseResponse.From(found),
            found.Consents.Select(ConsentReceipt.From).ToArray(),
            await queries.AuditLogAsync(id, cancellationToken),
            await dataMap.AskAsync(found.TenantId, found.Id, found.LinkedEmail(access.Today), cancellationToken)));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> EraseCase(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, CancellationToken cancellationToken)
    {
        var result = await access.ChangeAsync(id, ifMatch, "erase", ["*"], c => { c.Erase("request", access.Now); return true; },
            cancellationToken, allowTenantAdmin: true);
        return result.Done ? TypedResults.NoContent() : result.Problem!;
    }
}
