using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Cases.Api.Apis;

public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases")
            .WithTags("Cases")
            .RequireAuthorization(KimPolicies.CaseManager)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/", OpenCase)
            .WithName("OpenCase")
            .WithSummary("Open a case")
            .WithDescription("Opens a case in phase intake for the caller's organisation and publishes CaseOpened.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        return app;
    }

    public static async Task<Results<Created<CaseResponse>, ValidationProblem>> OpenCase(
        OpenCaseRequest request,
        CallerContext caller,
        CasesDbContext db,
        TimeProvider clock,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!OpenCaseRequestValidator.TryValidate(request, DateOnly.FromDateTime(now.UtcDateTime), out var person, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (opened, caseOpened) = Case.Open(
            caller.RequiredTenantId,
            caller.RequiredOrganisationId,
            caller.UserId ?? "unknown",
            person!,
            request.TargetGroups ?? [],
            request.Reachability!.Value,
            now);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Cases.Add(opened);
        db.AddIntegrationEvent(caseOpened);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        http.Response.Headers.ETag = CaseETag.Of(opened);
        return TypedResults.Created($"/api/cases/{opened.Id}", CaseResponse.From(opened));
    }
}
