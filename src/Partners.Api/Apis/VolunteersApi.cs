using KimPlatform.Partners.Api.Application;
using KimPlatform.Partners.Api.Application.Validation;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KimPlatform.Partners.Api.Apis;

public static class VolunteersApi
{
    public static IEndpointRouteBuilder MapVolunteersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners/volunteers")
            .WithTags("Volunteers")
            .RequireAuthorization(KimPolicies.PartnerStaff)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/", EnlistVolunteer).WithName("EnlistVolunteer").WithSummary("Add a volunteer to the organisation's pool")
            .WithDescription("Only staff of a registered volunteer-coordinating organisation (volunteer-initiative, welfare, municipality, integration-centre); others 403.");
        api.MapGet("/", ListVolunteers).WithName("ListVolunteers").WithSummary("The organisation's volunteer pool, by name");
        api.MapGet("/{id:guid}", GetVolunteer).WithName("GetVolunteer").WithSummary("One volunteer with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{id:guid}", ChangeVolunteer).WithName("ChangeVolunteer").WithSummary("Replace a volunteer's details")
            .WithDescription("Needs If-Match (absent → 428, stale → 412).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return app;
    }

    public static async Task<Results<Created<VolunteerResponse>, ProblemHttpResult, ValidationProblem>> EnlistVolunteer(
        VolunteerRequest request, VolunteerPool pool, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var details = VolunteerRequestValidator.Validate(request, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors);
        if (details is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (!await pool.CallerCoordinatesVolunteersAsync(cancellationToken))
        {
            return NotCoordinating();
        }

        var volunteer = await pool.EnlistAsync(details, cancellationToken);
        PartnerETag.Set(http, volunteer.Version);
        return TypedResults.Created($"/api/partners/volunteers/{volunteer.Id}", VolunteerResponse.From(volunteer));
    }

    public static async Task<Results<Ok<VolunteerPage>, ProblemHttpResult, ValidationProblem>> ListVolunteers(
        VolunteerPool pool, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = ["page ≥ 1, pageSize between 1 and 200."] });
        }

        if (!await pool.CallerCoordinatesVolunteersAsync(cancellationToken))
        {
            return NotCoordinating();
        }

        var (items, total) = await pool.ListAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new VolunteerPage(items.Select(VolunteerResponse.From).ToList(), page, pageSize, total));
    }

    public static async Task<Results<Ok<VolunteerResponse>, ProblemHttpResult>> GetVolunteer(
        Guid id, VolunteerPool pool, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await pool.FindAsync(id, cancellationToken);
        if (found is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Volunteer not found");
        }

        PartnerETag.Set(http, found.Version);
        return TypedResults.Ok(VolunteerResponse.From(found));
    }

    public static async Task<Results<Ok<VolunteerResponse>, ProblemHttpResult, ValidationProblem>> ChangeVolunteer(
        Guid id, VolunteerRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, VolunteerPool pool, TimeProvider clock,
        HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var details = VolunteerRequestValidator.Validate(request, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), errors);
        if (details is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await pool.ChangeAsync(id, ifMatch, details, cancellationToken);
        if (!result.Done)
        {
            return result.Problem;
        }

        PartnerETag.Set(http, result.Value.Version);
        return TypedResults.Ok(VolunteerResponse.From(result.Value));
    }

    private static ProblemHttpResult NotCoordinating() => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
        title: "Not a volunteer-coordinating organisation",
        detail: "Volunteer pools are kept by registered volunteer initiatives, welfare providers, municipalities and integration centres.");
}
