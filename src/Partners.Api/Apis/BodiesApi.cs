using KimPlatform.Contracts;
using System.ComponentModel;
using KimPlatform.Partners.Api.Application;
using KimPlatform.Partners.Api.Application.Validation;
using KimPlatform.Partners.Api.Domain;
using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Partners.Api.Apis;

public static class BodiesApi
{
    public static IEndpointRouteBuilder MapBodiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partners/bodies").WithTags("Network bodies");

        api.MapGet("/open", ListOpenBodies).AllowAnonymous().WithName("ListOpenBodies")
            .WithSummary("The tenant's groups open for sign-up (anonymous; name the tenant)");
        api.MapPost("/signups", SignUp).AllowAnonymous().WithName("SignUpForBodies")
            .WithSummary("Sign up for one or more open groups (anonymous; name the tenant)")
            .WithDescription("201 with one sign-up per group; the same e-mail for the same group again → 409; consent must be true.")
            .ProducesProblem(StatusCodes.Status409Conflict);

        var coordination = api.MapGroup("").RequireAuthorization(KimPolicies.Coordinator)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        coordination.MapPost("/", CreateBody).WithName("CreateBody").WithSummary("Create a steering or working group with its members");
        coordination.MapGet("/", ListBodies).WithName("ListBodies").WithSummary("The tenant's steering and working groups");
        coordination.MapGet("/{id:guid}", GetBody).WithName("GetBody").WithSummary("One group with its members")
            .ProducesProblem(StatusCodes.Status404NotFound);
        coordination.MapGet("/signups", ListSignups).WithName("ListSignups").WithSummary("Sign-ups to review");
        coordination.MapPost("/signups/{id:guid}/accept", AcceptSignup).WithName("AcceptSignup").WithSummary("Accept: the person becomes a member")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        coordination.MapPost("/signups/{id:guid}/decline", DeclineSignup).WithName("DeclineSignup").WithSummary("Decline a sign-up")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<OpenBodyResponse>>, ValidationProblem>> ListOpenBodies(
        CallerContext caller, NetworkBodies bodies, CancellationToken cancellationToken,
        [Description("The tenant's key; required without a token")] string? tenant = null)
    {
        var errors = new FieldErrors();
        var key = caller.TenantId ?? tenant;
        errors.Key(key, "tenant");
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var open = await bodies.OpenAsync(key!, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<OpenBodyResponse>>(open.Select(OpenBodyResponse.From).ToList());
    }

    public static async Task<Results<Created<SignupReceipt>, ProblemHttpResult, ValidationProblem>> SignUp(
        SignupRequest request, CallerContext caller, NetworkBodies bodies, CancellationToken cancellationToken,
        [Description("The tenant's key; required without a token")] string? tenant = null)
    {
        var errors = new FieldErrors();
        var key = caller.TenantId ?? tenant;
        errors.Key(key, "tenant");
        errors.Text(request.Name, "name");
        errors.Text(request.Email, "email");
        if (request.Email is { } email && (!email.Contains('@', StringComparison.Ordinal) || email.Trim().Contains(' ', StringComparison.Ordinal)))
        {
            errors.Add("email", "Not an e-mail address.");
        }

        errors.Text(request.Organisation, "organisation", required: false);
        errors.Count(request.BodyIds, "bodyIds", 20, min: 1);
        if (request.Consent != true)
        {
            errors.Add("consent", "Consent to be contacted about the groups is required.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await bodies.SignUpAsync(key!, request.Name!.Trim(), request.Email!.Trim(), request.Organisation?.Trim(), request.BodyIds!, cancellationToken);
        if (!result.Done)
        {
            return result.Problem;
        }

        return TypedResults.Created("/api/partners/bodies/signups", new SignupReceipt(result.Value.Select(s => s.Id).ToList(), SignupStatus.Pending));
    }

    public static async Task<Results<Created<BodyResponse>, ValidationProblem>> CreateBody(
        BodyRequest request, NetworkBodies bodies, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.Required(request.Kind, "kind");
        errors.Text(request.Name, "name");
        errors.Text(request.Description, "description", FieldErrors.MaxLongText, required: false);
        errors.Count(request.Topics, "topics", 20);
        errors.Text(request.MeetingRhythm, "meetingRhythm", required: false);
        errors.Count(request.Members, "members", 200);
        for (var i = 0; i < (request.Members?.Count ?? 0); i++)
        {
            var member = request.Members![i];
            errors.Key(member?.OrganisationId, $"members[{i}].organisationId", required: false);
            errors.Text(member?.Representative, $"members[{i}].representative");
            errors.Text(member?.Deputy, $"members[{i}].deputy", required: false);
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var members = (request.Members ?? []).Select(m => new BodyMember
        {
            OrganisationId = m.OrganisationId, OrganisationName = m.OrganisationName?.Trim(), Representative = m.Representative!.Trim(),
            Deputy = m.Deputy?.Trim(), Email = m.Email?.Trim(),
        }).ToList();
        var body = await bodies.CreateAsync(request.Kind!.Value, request.Name!.Trim(), request.Description, request.Topics ?? [],
            request.MeetingRhythm?.Trim(), request.OpenForSignup ?? false, members, cancellationToken);
        return TypedResults.Created($"/api/partners/bodies/{body.Id}", BodyResponse.From(body));
    }

    public static async Task<Ok<IReadOnlyList<BodyResponse>>> ListBodies(NetworkBodies bodies, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<BodyResponse>>((await bodies.ListAsync(cancellationToken)).Select(BodyResponse.From).ToList());

    public static async Task<Results<Ok<BodyResponse>, ProblemHttpResult>> GetBody(Guid id, NetworkBodies bodies, CancellationToken cancellationToken) =>
        await bodies.FindAsync(id, cancellationToken) is { } body
            ? TypedResults.Ok(BodyResponse.From(body))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Body not found");

    public static async Task<Results<Ok<IReadOnlyList<SignupResponse>>, ValidationProblem>> ListSignups(
        NetworkBodies bodies, CancellationToken cancellationToken,
        [Description("Only this status: pending, accepted or declined")] string? status = null)
    {
        SignupStatus? wanted = null;
        if (status is not null)
        {
            if (!ContractValue.TryParse<SignupStatus>(status, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"'{status}' is not a sign-up status."] });
            }

            wanted = parsed;
        }

        return TypedResults.Ok<IReadOnlyList<SignupResponse>>((await bodies.SignupsAsync(wanted, cancellationToken)).Select(SignupResponse.From).ToList());
    }

    public static Task<Results<Ok<SignupResponse>, ProblemHttpResult>> AcceptSignup(Guid id, NetworkBodies bodies, CancellationToken cancellationToken) =>
        DecideAsync(bodies, id, accept: true, cancellationToken);

    public static Task<Results<Ok<SignupResponse>, ProblemHttpResult>> DeclineSignup(Guid id, NetworkBodies bodies, CancellationToken cancellationToken) =>
        DecideAsync(bodies, id, accept: false, cancellationToken);

    private static async Task<Results<Ok<SignupResponse>, ProblemHttpResult>> DecideAsync(
        NetworkBodies bodies, Guid id, bool accept, CancellationToken cancellationToken)
    {
        var result = await bodies.DecideAsync(id, accept, cancellationToken);
        return result.Done ? TypedResults.Ok(SignupResponse.From(result.Value)) : result.Problem;
    }
}
