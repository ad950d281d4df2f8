using System.ComponentModel;
using KimPlatform.Cases.Api.Application;
using KimPlatform.Cases.Api.Application.Queries;
using KimPlatform.Cases.Api.Application.Validation;
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

        api.MapPost("/", OpenCase).WithName("OpenCase").WithSummary("Open a case")
            .WithDescription("Opens a case in phase intake for the caller's organisation, assigned to the caller, and publishes CaseOpened.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/", ListCases).WithName("ListCases").WithSummary("List the organisation's cases")
            .WithDescription("Filters, paging and sorting; every listed case is audited as read.");
        api.MapGet("/{id:guid}", GetCase).WithName("GetCase").WithSummary("One case with everything recorded on it (audited)");
        api.MapPost("/duplicate-check", CheckDuplicate).WithName("CheckDuplicate").WithSummary("Does another organisation run an open case for this person?")
            .WithDescription("Matches umlaut, transliteration and order variants of the names plus the birth date. Answers only which organisations; the check is audited, and so is every match on the matched case. Limited per user and hour (429 with Retry-After).")
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(DuplicateCheckLimit.Policy);
        api.MapGet("/caseload", GetCaseload).WithName("GetCaseload").WithSummary("Open cases per assigned case manager in the caller's organisation");
        return app;
    }

    public static async Task<Results<Created<CaseResponse>, ValidationProblem>> OpenCase(
        OpenCaseRequest request, CaseAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var person = OpenCaseRequestValidator.Validate(request, access.Today, errors);
        if (person is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var opened = await access.OpenAsync(person, request.TargetGroups ?? [], request.Reachability!.Value, cancellationToken);
        CaseETag.Set(http, opened);
        return TypedResults.Created($"/api/cases/{opened.Id}", CaseResponse.From(opened));
    }

    public static async Task<Results<Ok<CasePage>, ValidationProblem>> ListCases(
        CaseQueries queries,
        CancellationToken cancellationToken,
        [Description("Only this phase: intake, assessment, plan, monitoring or closed")] string? phase = null,
        [Description("Only this municipality")] string? municipality = null,
        [Description("Only cases assigned to this case manager (user id)")] string? assignedTo = null,
        [Description("Names to search for; umlaut and transliteration variants match")] string? q = null,
        [Description("openedAt, -openedAt (default), familyName or -familyName")] string? sort = null,
        int page = 1,
        int pageSize = 50)
    {
        var errors = new FieldErrors();
        var filter = CaseRequestValidators.CaseList(phase, municipality, assignedTo, q, sort, page, pageSize, errors);
        return filter is null
            ? TypedResults.ValidationProblem(errors.ToDictionary())
            : TypedResults.Ok(await queries.ListAsync(filter, cancellationToken));
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> GetCase(
        Guid id, CaseAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await access.ReadAsync(id, "read", ["*"], cancellationToken);
        if (found is null)
        {
            return CaseProblems.NotFound();
        }

        CaseETag.Set(http, found);
        return TypedResults.Ok(CaseResponse.From(found));
    }

    public static async Task<Results<Ok<DuplicateCheckResponse>, ValidationProblem>> CheckDuplicate(
        DuplicateCheckRequest request, CaseAccess access, CaseQueries queries, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CaseRequestValidators.DuplicateCheck(request, access.Today, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return TypedResults.Ok(await queries.DuplicateCheckAsync(request.GivenName!, request.FamilyName!, request.BirthDate!.Value, cancellationToken));
    }

    public static async Task<Ok<IReadOnlyList<CaseloadEntry>>> GetCaseload(CaseQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.CaseloadAsync(cancellationToken));
}
