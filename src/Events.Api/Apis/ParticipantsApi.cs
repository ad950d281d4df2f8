using KimPlatform.Events.Api.Application;
using KimPlatform.Events.Api.Application.Rendering;
using KimPlatform.Events.Api.Application.Validation;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Events.Api.Apis;

public static class ParticipantsApi
{
    public static IEndpointRouteBuilder MapParticipantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events/{id:guid}").WithTags("Participants")
            .RequireAuthorization(KimPolicies.Coordinator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/registrations", ListParticipants).WithName("ListParticipants")
            .WithSummary("Participants and the waiting list, with needs and sessions, in arrival order");
        api.MapGet("/registrations.csv", ExportParticipants).WithName("ExportParticipants")
            .WithSummary("The participant list as CSV, with needs, for planning interpreters, access and childcare")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        api.MapPost("/checkins", CheckIn).WithName("CheckIn").WithSummary("Check a confirmed participant in")
            .WithDescription("Records attendance once and publishes AttendanceRecorded; a second check-in changes nothing.");
        return app;
    }

    public static async Task<Results<Ok<ParticipantPage>, ValidationProblem, ProblemHttpResult>> ListParticipants(
        Guid id, EventAccess access, CancellationToken cancellationToken, int page = 1, int pageSize = 200)
    {
        var errors = new FieldErrors();
        EventRequestValidators.Paging(page, pageSize, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var found = await access.ReadAsync(id, tenant: null, cancellationToken);
        if (found is null)
        {
            return EventChange<ParticipantPage>.NotFound().Problem!;
        }

        var ordered = found.Registrations.OrderBy(r => r.Sequence).ToArray();
        var items = ordered.Skip((page - 1) * pageSize).Take(pageSize).Select(found.ToParticipant).ToArray();
        return TypedResults.Ok(new ParticipantPage(items, page, pageSize, ordered.Length));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportParticipants(
        Guid id, EventAccess access, CancellationToken cancellationToken)
    {
        var found = await access.ReadAsync(id, tenant: null, cancellationToken);
        return found is null
            ? EventChange<string>.NotFound().Problem!
            : TypedResults.File(ParticipantCsv.Render(found), "text/csv; charset=utf-8", $"participants-{found.Id}.csv");
    }

    public static async Task<Results<Ok<CheckInResponse>, ValidationProblem, ProblemHttpResult>> CheckIn(
        Guid id, CheckInRequest request, EventAccess access, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var registrationId = errors.Required(request?.RegistrationId, "registrationId");
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var checkedIn = await access.CheckInAsync(id, registrationId!.Value, cancellationToken);
        return checkedIn.Done
            ? TypedResults.Ok(new CheckInResponse(checkedIn.Value!.Id, BerlinTime.Of(checkedIn.Value.CheckedInAt!.Value)))
            : checkedIn.Problem;
    }
}
