using KimPlatform.Cases.Api.Application;
using KimPlatform.Cases.Api.Application.Validation;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KimPlatform.Cases.Api.Apis;

/// <summary>The case manager's work on a case: phases, goals, contacts, assignment, structural findings.</summary>
public static class CaseWorkApi
{
    public static IEndpointRouteBuilder MapCaseWorkApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases/{id:guid}")
            .WithTags("Case work")
            .RequireAuthorization(KimPolicies.CaseManager)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        api.MapPost("/assessment", RecordAssessment).WithName("RecordAssessment").WithSummary("Needs per life area: intake → assessment");
        api.MapPost("/plan", AgreePlan).WithName("AgreePlan").WithSummary("Integration agreement with goals: assessment → plan");
        api.MapPost("/monitoring", StartMonitoring).WithName("StartMonitoring").WithSummary("plan → monitoring");
        api.MapPost("/close", CloseCase).WithName("CloseCase").WithSummary("monitoring → closed, with reason and outcome");
        api.MapPost("/reopen", ReopenCase).WithName("ReopenCase").WithSummary("closed → monitoring");
        api.MapPost("/goals/{goalId:guid}/progress", RecordGoalProgress).WithName("RecordGoalProgress").WithSummary("A goal's status and a note");
        api.MapPost("/contacts", LogContact).WithName("LogContact").WithSummary("Log a contact with the person");
        api.MapPost("/assign", AssignCase).WithName("AssignCase").WithSummary("Hand the case to another case manager of the organisation");
        api.MapPost("/findings", ReportFinding).WithName("ReportFinding")
            .WithSummary("A structural finding (gap in the local system) for the steering group, without personal data");
        return app;
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> RecordAssessment(
        Guid id, AssessmentRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var needs = CaseRequestValidators.Needs(request, errors);
        return access.ChangeCaseAsync(id, ifMatch, "assessment", ["needs", "phase"], errors, http, c => c.RecordAssessment(needs!, access.Now), cancellationToken);
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> AgreePlan(
        Guid id, PlanRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var goals = CaseRequestValidators.Goals(request, access.Today, errors);
        return access.ChangeCaseAsync(id, ifMatch, "plan", ["goals", "phase"], errors, http, c => c.AgreePlan(goals!, access.Now), cancellationToken);
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> StartMonitoring(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, HttpContext http, CancellationToken cancellationToken) =>
        access.ChangeCaseAsync(id, ifMatch, "monitoring", ["phase"], new FieldErrors(), http, c => c.StartMonitoring(access.Now), cancellationToken);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> CloseCase(
        Guid id, CloseRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CaseRequestValidators.Close(request, errors);
        return access.ChangeCaseAsync(id, ifMatch, "close", ["phase", "closeReason", "closeOutcome"], errors, http,
            c => c.Close(request.Reason!.Value, request.Outcome!.Value, access.Now), cancellationToken);
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> ReopenCase(
        Guid id, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, HttpContext http, CancellationToken cancellationToken) =>
        access.ChangeCaseAsync(id, ifMatch, "reopen", ["phase"], new FieldErrors(), http, c => c.Reopen(access.Now), cancellationToken);

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> RecordGoalProgress(
        Guid id, Guid goalId, GoalProgressRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CaseRequestValidators.GoalProgress(request, errors);
        return access.ChangeCaseAsync(id, ifMatch, "goal-progress", ["goals"], errors, http,
            c => c.RecordGoalProgress(goalId, request.Status!.Value, request.Note?.Trim(), access.UserId, access.Now), cancellationToken);
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> LogContact(
        Guid id, ContactRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CaseRequestValidators.Contact(request, access.Today, errors);
        return access.ChangeCaseAsync(id, ifMatch, "contact", ["contacts"], errors, http,
            c => c.LogContact(request.Date!.Value, request.Channel!.Value, request.Note?.Trim(), access.UserId, access.Now), cancellationToken);
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> AssignCase(
        Guid id, AssignRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CaseRequestValidators.Assign(request, errors);
        return access.ChangeCaseAsync(id, ifMatch, "assign", ["assignedCaseManagerId"], errors, http, c => c.Assign(request.CaseManagerId!.Trim(), access.Now), cancellationToken);
    }

    public static Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> ReportFinding(
        Guid id, FindingRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CaseRequestValidators.Finding(request, errors);
        return access.ChangeCaseAsync(id, ifMatch, "finding", ["findings"], errors, http,
            c => c.ReportFinding(request.LifeArea!.Value, request.Theme!.Trim(), request.Description!.Trim(), access.Now), cancellationToken);
    }
}
