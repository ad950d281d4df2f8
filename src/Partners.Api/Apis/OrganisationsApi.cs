using KimPlatform.Partners.Api.Application;
using KimPlatform.Partners.Api.Application.Validation;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace KimPlatform.Partners.Api.Apis;

public static class OrganisationsApi
{
    public static IEndpointRouteBuilder MapOrganisationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners/organisations")
            .WithTags("Organisations")
            .RequireAuthorization(KimPolicies.Coordinator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/", RegisterOrganisation).WithName("RegisterOrganisation").WithSummary("Register a partner organisation")
            .WithDescription("Registers an organisation of the caller's tenant under its key and publishes OrganisationRegistered; an existing key → 409.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/", ListOrganisations).WithName("ListOrganisations").WithSummary("The tenant's organisations, by name");
        api.MapGet("/{id}", GetOrganisation).WithName("GetOrganisation").WithSummary("One organisation with its ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/{id}", ChangeOrganisation).WithName("ChangeOrganisation").WithSummary("Replace an organisation's details")
            .WithDescription("Needs If-Match with the organisation's ETag (absent → 428, stale → 412); publishes OrganisationChanged.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return app;
    }

    public static async Task<Results<Created<OrganisationResponse>, ProblemHttpResult, ValidationProblem>> RegisterOrganisation(
        OrganisationRequest request, OrganisationAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Key(request.Id, "id");
        var details = OrganisationRequestValidator.Validate(request, errors);
        if (details is null || errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await access.RegisterAsync(request.Id!, details, cancellationToken);
        if (!result.Done)
        {
            return result.Problem;
        }

        PartnerETag.Set(http, result.Value.Version);
        return TypedResults.Created($"/api/partners/organisations/{result.Value.Id}", OrganisationResponse.From(result.Value));
    }

    public static async Task<Results<Ok<OrganisationPage>, ValidationProblem>> ListOrganisations(
        OrganisationAccess access, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["pageSize"] = ["page ≥ 1, pageSize between 1 and 200."] });
        }

        var (items, total) = await access.ListAsync(page, pageSize, cancellationToken);
        return TypedResults.Ok(new OrganisationPage(items.Select(OrganisationResponse.From).ToList(), page, pageSize, total));
    }

    public static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> GetOrganisation(
        string id, OrganisationAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await access.FindAsync(id, cancellationToken);
        if (found is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Organisation not found");
        }

        PartnerETag.Set(http, found.Version);
        return TypedResults.Ok(OrganisationResponse.From(found));
    }

    public static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult, ValidationProblem>> ChangeOrganisation(
        string id, OrganisationRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, OrganisationAccess access,
        HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var details = OrganisationRequestValidator.Validate(request, errors);
        if (request.Id is not null && request.Id != id)
        {
            errors.Add("id", "The key of an organisation cannot change.");
        }

        if (details is null || errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await access.ChangeAsync(id, ifMatch, details, cancellationToken);
        if (!result.Done)
        {
            return result.Problem;
        }

        PartnerETag.Set(http, result.Value.Version);
        return TypedResults.Ok(OrganisationResponse.From(result.Value));
    }
}
