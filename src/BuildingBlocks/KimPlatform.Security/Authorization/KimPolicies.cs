using KimPlatform.Security.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace KimPlatform.Security.Authorization;

/// <summary>Authorization policy names and how they are built.</summary>
public static class KimPolicies
{
    /// <summary>Role <c>case_manager</c>.</summary>
    public const string CaseManager = "case-manager";
    /// <summary>Role <c>coordinator</c> or <c>tenant_admin</c>.</summary>
    public const string Coordinator = "coordinator";
    /// <summary>Role <c>partner_staff</c>.</summary>
    public const string PartnerStaff = "partner-staff";
    /// <summary>Role <c>tenant_admin</c>.</summary>
    public const string TenantAdmin = "tenant-admin";
    /// <summary>Role <c>case_manager</c> or <c>tenant_admin</c>.</summary>
    public const string CaseManagerOrTenantAdmin = "case-manager-or-tenant-admin";
    /// <summary>Any authenticated member of a tenant (the fallback policy, by name).</summary>
    public const string Member = "tenant-member";

    /// <summary>An authenticated caller whose token names a tenant and an organisation: the default for every endpoint.</summary>
    public static AuthorizationPolicy TenantMember() => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireClaim(KimClaims.Tenant)
        .RequireClaim(KimClaims.Organisation)
        .Build();

    /// <summary>A tenant member holding one of the roles.</summary>
    public static AuthorizationPolicy InRole(params string[] roles) => new AuthorizationPolicyBuilder()
        .Combine(TenantMember())
        .RequireRole(roles)
        .Build();
}
