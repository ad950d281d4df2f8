using System.Security.Claims;

namespace KimPlatform.Security.Authentication;

/// <summary>Who is calling: user, tenant, organisation and roles, read once from the validated token.</summary>
public sealed class CallerContext
{
    /// <summary>A caller with no token.</summary>
    public static readonly CallerContext Anonymous = new(null, null, null, null, []);

    public CallerContext(string? userId, string? name, string? tenantId, string? organisationId, IReadOnlyCollection<string> roles)
    {
        UserId = userId;
        Name = name;
        TenantId = tenantId;
        OrganisationId = organisationId;
        Roles = roles;
    }

    /// <summary>The token's <c>sub</c>.</summary>
    public string? UserId { get; }
    /// <summary>The token's <c>name</c>.</summary>
    public string? Name { get; }
    /// <summary>The tenant key, or null for anonymous callers.</summary>
    public string? TenantId { get; }
    /// <summary>The organisation key, or null for anonymous callers.</summary>
    public string? OrganisationId { get; }
    public IReadOnlyCollection<string> Roles { get; }

    /// <summary>Whether the caller presented a valid token with a tenant.</summary>
    public bool IsAuthenticated => TenantId is not null;

    /// <summary>The tenant key, for endpoints whose policy already guarantees one.</summary>
    public string RequiredTenantId => TenantId ?? throw new InvalidOperationException("The caller has no tenant.");

    /// <summary>The organisation key, for endpoints whose policy already guarantees one.</summary>
    public string RequiredOrganisationId => OrganisationId ?? throw new InvalidOperationException("The caller has no organisation.");

    public bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>Reads the caller from a validated principal.</summary>
    public static CallerContext FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        return new CallerContext(
            principal.FindFirstValue(KimClaims.Subject),
            principal.FindFirstValue(KimClaims.Name),
            principal.FindFirstValue(KimClaims.Tenant),
            principal.FindFirstValue(KimClaims.Organisation),
            principal.FindAll(KimClaims.Roles).Select(claim => claim.Value).ToArray());
    }
}
