using KimPlatform.Security.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Gateway.Authentication;

/// <summary>
/// The browser's view of its sign-in at <c>/auth</c>. <c>GET /auth/me</c> answers for any authenticated caller, with a
/// bearer token or a session cookie alike, so it also shows how the gateway reads a provider's token.
/// </summary>
internal static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/auth").ExcludeFromDescription();
        auth.MapGet("/me", Me);
        return auth;
    }

    private static Ok<CallerResponse> Me(CallerContext caller) => TypedResults.Ok(new CallerResponse(
        caller.UserId!, caller.Name, caller.RequiredTenantId, caller.RequiredOrganisationId, caller.Roles));

    internal sealed record CallerResponse(string User, string? Name, string Tenant, string Organisation, IReadOnlyCollection<string> Roles);
}
