namespace KimPlatform.Security.Authorization;

/// <summary>The roles a token can carry.</summary>
public static class KimRoles
{
    /// <summary>Runs individual case management.</summary>
    public const string CaseManager = "case_manager";
    /// <summary>KIM coordination: network, events, aggregated reports.</summary>
    public const string Coordinator = "coordinator";
    /// <summary>Staff of a partner organisation: offers and referrals.</summary>
    public const string PartnerStaff = "partner_staff";
    /// <summary>Administers the tenant.</summary>
    public const string TenantAdmin = "tenant_admin";
}
