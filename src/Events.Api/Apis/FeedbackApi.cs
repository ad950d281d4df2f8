using System.ComponentModel;
using KimPlatform.Events.Api.Application;
using KimPlatform.Events.Api.Application.Validation;
using KimPlatform.Events.Api.Domain;
using KimPlatform.Events.Api.Extensions;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Events.Api.Apis;

public sealed record FeedbackRequest(
    Guid? RegistrationId,
    [property: Description("The token handed out at registration")] string? Token,
    [property: Description("1 (poor) to 5 (very good)")] int? Rating,
    [property: Description("What was good")] string? Good,
    [property: Description("What to improve")] string? Improve);

public sealed record FeedbackSummary(int Answers, double? AverageRating, IReadOnlyDictionary<int, int> Ratings, IReadOnlyList<string> Good, IReadOnlyList<string> Improve);

public static class FeedbackApi
{
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events/{id:guid}/feedback").WithTags("Feedback");

        api.MapPost("/", GiveFeedback).WithName("GiveFeedback").AllowAnonymous()
            .RequireRateLimiting(PublicRateLimits.AnonymousWrites).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Answer the event's short survey anonymously, once per registration (with its token)")
            .WithDescription("The answer is stored without any link to the registration.");
        api.MapGet("/", SummariseFeedback).WithName("SummariseFeedback").RequireAuthorization(KimPolicies.Coordinator)
            .WithSummary("The survey's answers: ratings and comments, for the event's evaluation");
        return app;
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> GiveFeedback(
        Guid id, FeedbackRequest request, EventAccess access, CancellationToken cancellationToken,
        [Description("Tenant key; required for anonymous callers")] string? tenant = null)
    {
        var errors = new FieldErrors();
        var scope = access.NeedsTenant ? EventRequestValidators.Tenant(tenant, errors) : null;
        var registrationId = errors.Required(request.RegistrationId, "registrationId");
        var token = errors.Text(request.Token, "token", 100);
        var rating = errors.Range(request.Rating, "rating", 1, 5);
        var good = errors.Text(request.Good, "good", 2000, required: false);
        var improve = errors.Text(request.Improve, "improve", 2000, required: false);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var given = await access.GiveFeedbackAsync(id, scope, registrationId!.Value, token!, new Feedback(rating!.Value, good, improve), cancellationToken);
        return given.Done ? TypedResults.NoContent() : given.Problem;
    }

    public static async Task<Results<Ok<FeedbackSummary>, ProblemHttpResult>> SummariseFeedback(
        Guid id, EventAccess access, CancellationToken cancellationToken)
    {
        var found = await access.ReadAsync(id, tenant: null, cancellationToken);
        if (found is null)
        {
            return EventChange<string>.NotFound().Problem!;
        }

        var answers = found.Feedback;
        return TypedResults.Ok(new FeedbackSummary(
            answers.Count,
            answers.Count == 0 ? null : Math.Round(answers.Average(a => a.Rating), 2),
            Enumerable.Range(1, 5).ToDictionary(rating => rating, rating => answers.Count(a => a.Rating == rating)),
            answers.Select(a => a.Good).OfType<string>().Order(StringComparer.Ordinal).ToArray(),
            answers.Select(a => a.Improve).OfType<string>().Order(StringComparer.Ordinal).ToArray()));
    }
}
