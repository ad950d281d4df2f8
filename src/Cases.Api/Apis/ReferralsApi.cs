using KimPlatform.Cases.Api.Application;
using KimPlatform.Cases.Api.Application.Queries;
using KimPlatform.Cases.Api.Application.Validation;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KimPlatform.Cases.Api.Apis;

public static class ReferralsApi
{
    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{id:guid}/referrals", RequestReferral)
            .WithTags("Referrals")
            .RequireAuthorization(KimPolicies.CaseManager)
            .WithName("RequestReferral")
            .WithSummary("Refer the person to a partner's offer")
            .WithDescription("Needs a valid consent naming the partner organisation or its kind (422 otherwise); shares only the consent's data categories.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return app;
    }

    public static async Task<Results<Created<ReferralResponse>, ProblemHttpResult, ValidationProblem>> RequestReferral(
        Guid id, ReferralRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, CaseAccess access, CaseQueries queries,
        HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CaseRequestValidators.Referral(request, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var partner = request.PartnerOrganisationId!.Trim();
        var kind = await queries.PartnerKindAsync(partner, cancellationToken);
        var result = await access.ChangeAsync(id, ifMatch, "referral", ["referrals"],
            c => c.RequestReferral(request.OfferId!.Value, partner, kind, request.ConsentId, request.Note?.Trim(), access.Now), cancellationToken);
        if (!result.Done)
        {
            return result.Problem!;
        }

        CaseETag.Set(http, result.Case);
        return TypedResults.Created($"/api/cases/{id}", CaseResponse.ReferralFrom(result.Value!));
    }
}
