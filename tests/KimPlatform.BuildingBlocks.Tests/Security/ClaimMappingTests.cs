using System.Security.Claims;
using KimPlatform.Security.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;

namespace KimPlatform.BuildingBlocks.Tests.Security;

/// <summary>A provider's claim names become the platform's; nothing else becomes a platform claim.</summary>
public sealed class ClaimMappingTests
{
    private static readonly ClaimMappingOptions Keycloak = new()
    {
        Organisation = "organisation",
        Roles = "realm_access.roles",
        Name = "preferred_username",
        RoleMap = new(StringComparer.Ordinal) { ["kim-koordination"] = "coordinator" },
    };

    [Fact]
    public void Map_KeycloakToken_YieldsPlatformClaims()
    {
        var caller = CallerContext.FromPrincipal(KimClaimMapping.Map(Principal("""
            { "sub": "u1", "preferred_username": "anna", "tenant": "kreis-guetersloh", "organisation": "caritas",
              "realm_access": { "roles": ["case_manager", "kim-koordination", "offline_access"] } }
            """), Keycloak));

        Assert.Equal("u1", caller.UserId);
        Assert.Equal("anna", caller.Name);
        Assert.Equal("kreis-guetersloh", caller.TenantId);
        Assert.Equal("caritas", caller.OrganisationId);
        Assert.Equal(["case_manager", "coordinator"], caller.Roles);
    }

    [Fact]
    public void Map_PlatformNamedClaimsOutsideTheConfiguredSources_AreIgnored()
    {
        var caller = CallerContext.FromPrincipal(KimClaimMapping.Map(Principal("""
            { "sub": "u1", "tenant": "kreis-guetersloh", "organisation": "caritas", "org": "kreis-guetersloh",
              "roles": ["tenant_admin"], "realm_access": { "roles": ["partner_staff"] } }
            """), Keycloak));

        Assert.Equal("caritas", caller.OrganisationId);
        Assert.Equal(["partner_staff"], caller.Roles);
    }

    [Fact]
    public void Map_TwoDifferentTenants_NamesNoTenant()
    {
        var caller = CallerContext.FromPrincipal(KimClaimMapping.Map(Principal("""
            { "sub": "u1", "tenant": ["kreis-a", "kreis-b"], "organisation": "caritas" }
            """), Keycloak));

        Assert.Null(caller.TenantId);
    }

    private static ClaimsPrincipal Principal(string payload)
    {
        var token = new JsonWebTokenHandler().CreateToken(payload);
        return new ClaimsPrincipal(new ClaimsIdentity(new JsonWebToken(token).Claims, "test"));
    }
}
