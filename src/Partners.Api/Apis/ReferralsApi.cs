using KimPlatform.Contracts;
using System.ComponentModel;
using KimPlatform.Partners.Api.Application;
using KimPlatform.Partners.Api.Application.Validation;
using KimPlatform.Partners.Api.Domain;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Partners.Api.Apis;

public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners/referrals")
            .WithTags("Referrals")
            .RequireAuthorization(KimPolicies.PartnerStaff)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/", ListReferrals).WithName("ListReferrals").WithSummary("Referrals addressed to the caller's organisation, newest first");
        api.MapPost("/{id:guid}/accept", AcceptReferral).WithName("AcceptReferral").WithSummary("Accept a requested referral")
            .WithDescription("Publishes ReferralAccepted with the referral's version; the case shows it.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/decline", DeclineReferral).WithName("DeclineReferral").WithSummary("Decline a referral, with a reason")
            .WithDescription("Publishes ReferralDeclined with the reason and the referral's version.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/complete", CompleteReferral).WithName("CompleteReferral").WithSummary("Complete an accepted referral, with its outcome")
            .WithDescription("Publishes ReferralCompleted with the outcome and the referral's version.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/{id:guid}/match", MatchVolunteer).WithName("MatchVolunteer").WithSummary("Match an accepted mentoring referral to a volunteer")
            .WithDescription("The volunteer must reach the person's municipality, speak one of the shared languages, have consented to be "
                + "contacted, and, where minors are involved, hold an extended certificate of conduct not older than five years (422 otherwise). "
                + "Publishes nothing: the case learns only the referral's status.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    public static async Task<Results<Ok<ReferralResponse>, ProblemHttpResult, ValidationProblem>> MatchVolunteer(
        Guid id, MatchVolunteerRequest request, ReferralInbox inbox, HttpContext http, CancellationToken cancellationToken)
    {
        if (request.VolunteerId is not { } volunteerId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["volunteerId"] = ["This field is required."] });
        }

        var result = await inbox.MatchAsync(id, volunteerId, cancellationToken);
        if (!result.Done)
        {
            return result.Problem;
        }

        PartnerETag.Set(http, result.Value.Version);
        return TypedResults.Ok(ReferralResponse.From(result.Value));
    }

    public static async Task<Results<Ok<ReferralPage>, ValidationProblem>> ListReferrals(
        ReferralInbox inbox, CancellationToken cancellationToken,
        [Description("Only this status: requested, accepted, declined or completed")] string? status = null,
        int page = 1,
        int pageSize = 50)
    {
        var errors = new FieldErrors();
        ReferralStatus? wanted = null;
        if (status is not null)
        {
            if (ContractValue.TryParse<ReferralStatus>(status, out var parsed))
            {
                wanted = parsed;
            }
            else
            {
                errors.Add("status", $"'{status}' is not a referral status.");
            }
        }

        if (page < 1 || pageSize is < 1 or > 200)
        {
            errors.Add("pageSize", "page ≥ 1, pageSize between 1 and 200.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var (items, total) = await inbox.ListAsync(wanted, page, pageSize, cancellationToken);
        return TypedResults.Ok(new ReferralPage(items.Select(ReferralResponse.From).ToList(), page, pageSize, total));
    }

    public static Task<Results<Ok<ReferralResponse>, ProblemHttpResult, ValidationProblem>> AcceptReferral(
        Guid id, ReferralInbox inbox, HttpContext http, CancellationToken cancellationToken) =>
        AnswerAsync(inbox, id, new FieldErrors(), (referral, now) => referral.Accept(now), http, cancellationToken);

    public static Task<Results<Ok<ReferralResponse>, ProblemHttpResult, ValidationProblem>> DeclineReferral(
        Guid id, DeclineReferralRequest request, ReferralInbox inbox, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text(request.Reason, "reason", FieldErrors.MaxText * 10);
        return AnswerAsync(inbox, id, errors, (referral, now) => referral.Decline(request.Reason!.Trim(), now), http, cancellationToken);
    }

    public static Task<Results<Ok<ReferralResponse>, ProblemHttpResult, ValidationProblem>> CompleteReferral(
        Guid id, CompleteReferralRequest request, ReferralInbox inbox, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Text(request.Outcome, "outcome", FieldErrors.MaxText * 10);
        return AnswerAsync(inbox, id, errors, (referral, now) => referral.Complete(request.Outcome!.Trim(), now), http, cancellationToken);
    }

    private static async Task<Results<Ok<ReferralResponse>, ProblemHttpResult, ValidationProblem>> AnswerAsync(
        ReferralInbox inbox, Guid id, FieldErrors errors, Action<Referral, DateTimeOffset> answer, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await inbox.AnswerAsync(id, answer, cancellationToken);
        if (!result.Done)
        {
            return result.Problem;
        }

        PartnerETag.Set(http, result.Value.Version);
        return TypedResults.Ok(ReferralResponse.From(result.Value));
    }
}
