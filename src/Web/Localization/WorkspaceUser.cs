using System.Security.Claims;

namespace KimPlatform.Web.Localization;

/// <summary>Who is signed in, read from the bearer token the gateway attached; it only shapes the pages.</summary>
public sealed record WorkspaceUser(string? Name, string? Tenant, string? Organisation, IReadOnlyCollection<string> Roles)
{
    public static WorkspaceUser From(ClaimsPrincipal? principal) => new(
        principal?.FindFirst("name")?.Value ?? principal?.FindFirst("sub")?.Value,
        principal?.FindFirst("tenant")?.Value,
        principal?.FindFirst("org")?.Value,
        principal?.FindAll("roles").Select(claim => claim.Value).ToArray() ?? []);

    public bool IsCaseManager => Roles.Contains("case_manager");
    public bool IsPartnerStaff => Roles.Contains("partner_staff");
    public bool IsCoordinator => Roles.Contains("coordinator") || Roles.Contains("tenant_admin");
    public bool IsTenantAdmin => Roles.Contains("tenant_admin");
}
