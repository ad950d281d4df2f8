using System.ComponentModel;
using KimPlatform.Events.Api.Application;
using KimPlatform.Events.Api.Application.Validation;
using KimPlatform.Events.Api.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Events.Api.Apis;

public static class RegistrationsApi
{
    public static IEndpointRouteBuilder MapRegistrationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events/{id:guid}/registrations").WithTags("Registrations").AllowAnonymous()
            .RequireRateLimiting(PublicRateLimits.AnonymousWrites).ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/", Register).WithName("Register").WithSummary("Register for an event (anonymous for public events)")
            .WithDescription("A place if there is one, else the waiting list in arrival order; the same for each chosen session. " +
                             "Answers the cancel token once. 422 outside the registration window, 409 for an e-mail address already registered.");
        api.MapPost("/{registrationId:guid}/cancel", CancelRegistration).WithName("CancelRegistration")
            .WithSummary("Cancel a registration with its cancel token, or as a coordinator")
            .WithDescription("Frees the places; the first waitlisted registrations (event and sessions) are promoted automatically.");
        return app;
    }

    public static async Task<Results<Created<RegistrationResponse>, ValidationProblem, ProblemHttpResult>> Register(
        Guid id, RegisterRequest request, EventAccess access, CancellationToken cancellationToken,
        [Description("Tenant key; required for anonymous callers")] string? tenant = null)
    {
        var errors = new FieldErrors();
        var scope = access.NeedsTenant ? EventRequestValidators.Tenant(tenant, errors) : null;
        var applicant = EventRequestValidators.Register(request, errors);
        if (applicant is null || errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var registered = await access.RegisterAsync(id, scope, applicant, cancellationToken);
        if (!registered.Done)
        {
            return registered.Problem;
        }

        var (found, registration, cancelToken) = registered.Value;
        return TypedResults.Created($"/api/events/{id}/registrations/{registration.Id}", new RegistrationResponse(
            registration.Id, registration.Status, found.WaitlistPosition(registration), cancelToken, found.SessionPlaces(registration)));
    }

    public static async Task<Results<Ok<CancellationResponse>, ValidationProblem, ProblemHttpResult>> CancelRegistration(
        Guid id, Guid registrationId, CancelRequest? request, EventAccess access, CancellationToken cancellationToken,
        [Description("Tenant key; required for anonymous callers")] string? tenant = null)
    {
        var errors = new FieldErrors();
        var scope = access.NeedsTenant ? EventRequestValidators.Tenant(tenant, errors) : null;
        var token = errors.Text(request?.CancelToken, "cancelToken", 100, required: !access.IsCoordinator);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var cancelled = await access.CancelAsync(id, registrationId, scope, token, cancellationToken);
        return cancelled.Done
            ? TypedResults.Ok(new CancellationResponse(cancelled.Value!.Id, cancelled.Value.Status))
            : cancelled.Problem;
    }
}
