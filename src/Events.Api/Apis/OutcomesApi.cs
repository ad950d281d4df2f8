using System.ComponentModel;
using KimPlatform.Events.Api.Application;
using KimPlatform.Events.Api.Application.Validation;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Events.Api.Apis;

public static class OutcomesApi
{
    public static IEndpointRouteBuilder MapOutcomesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events").WithTags("Results and minutes")
            .RequireAuthorization(KimPolicies.Coordinator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/{id:guid}/results", RecordResult).WithName("RecordResult")
            .WithSummary("Record the outcome of a table, session or round: topics and text")
            .WithDescription("The World Café's harvest for the steering group; publishes EventResultsRecorded (without the text).");
        api.MapGet("/{id:guid}/results", ListResults).WithName("ListResults").WithSummary("The event's recorded results");
        api.MapPost("/{id:guid}/minutes", RecordMinutes).WithName("RecordMinutes")
            .WithSummary("Record the minutes of a meeting: agenda items, decisions, actions with owner organisation and due date");
        api.MapGet("/{id:guid}/minutes", ListMinutes).WithName("ListMinutes").WithSummary("The event's minutes");
        api.MapPost("/{id:guid}/actions/{actionId:guid}/done", CompleteAction).WithName("CompleteAction")
            .WithSummary("Mark an action from the minutes as done");
        api.MapGet("/actions", ListActions).WithName("ListActions")
            .WithSummary("Actions from the minutes of all the tenant's meetings, by due date; open ones by default");
        return app;
    }

    public static async Task<Results<Created<ResultResponse>, ValidationProblem, ProblemHttpResult>> RecordResult(
        Guid id, RecordResultRequest request, EventAccess access, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var result = OutcomeRequestValidators.Result(request, errors);
        if (result is not { } valid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var recorded = await access.RecordResultAsync(id, request.SessionId, request.Round, valid.Topics, valid.Text, cancellationToken);
        return recorded.Done
            ? TypedResults.Created($"/api/events/{id}/results", ResultResponse.From(recorded.Value!))
            : recorded.Problem;
    }

    public static async Task<Results<Ok<IReadOnlyList<ResultResponse>>, ProblemHttpResult>> ListResults(
        Guid id, EventAccess access, CancellationToken cancellationToken)
    {
        var found = await access.ReadAsync(id, tenant: null, cancellationToken);
        return found is null
            ? EventChange<string>.NotFound().Problem!
            : TypedResults.Ok<IReadOnlyList<ResultResponse>>(found.Results.Select(ResultResponse.From).ToArray());
    }

    public static async Task<Results<Created<MinutesResponse>, ValidationProblem, ProblemHttpResult>> RecordMinutes(
        Guid id, RecordMinutesRequest request, EventAccess access, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var items = OutcomeRequestValidators.Minutes(request, access.Now, errors);
        if (items is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var recorded = await access.RecordMinutesAsync(id, items, cancellationToken);
        return recorded.Done
            ? TypedResults.Created($"/api/events/{id}/minutes", MinutesResponse.From(recorded.Value!))
            : recorded.Problem;
    }

    public static async Task<Results<Ok<IReadOnlyList<MinutesResponse>>, ProblemHttpResult>> ListMinutes(
        Guid id, EventAccess access, CancellationToken cancellationToken)
    {
        var found = await access.ReadAsync(id, tenant: null, cancellationToken);
        return found is null
            ? EventChange<string>.NotFound().Problem!
            : TypedResults.Ok<IReadOnlyList<MinutesResponse>>(found.Minutes.Select(MinutesResponse.From).ToArray());
    }

    public static async Task<Results<Ok<ActionResponse>, ProblemHttpResult>> CompleteAction(
        Guid id, Guid actionId, EventAccess access, CancellationToken cancellationToken)
    {
        var completed = await access.CompleteActionAsync(id, actionId, cancellationToken);
        return completed.Done ? TypedResults.Ok(ActionResponse.From(completed.Value!)) : completed.Problem;
    }

    public static async Task<Results<Ok<IReadOnlyList<MeetingActionResponse>>, ValidationProblem>> ListActions(
        EventAccess access, CancellationToken cancellationToken,
        [Description("open (default), done or all")] string status = "open",
        [Description("Only actions owned by this organisation")] string? owner = null)
    {
        if (status is not ("open" or "done" or "all"))
        {
            var errors = new FieldErrors();
            errors.Add("status", "One of: open, done, all.");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var actions = await access.ActionsAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<MeetingActionResponse>>(actions
            .Where(a => status == "all" || a.Action.IsOpen == (status == "open"))
            .Where(a => owner is null || a.Action.OwnerOrganisationId == owner)
            .OrderBy(a => a.Action.DueDate)
            .Select(a => new MeetingActionResponse(a.Meeting.Id, a.Meeting.Title, BerlinTime.Of(a.Meeting.StartsAt), a.Item.Title, ActionResponse.From(a.Action)))
            .ToArray());
    }
}
