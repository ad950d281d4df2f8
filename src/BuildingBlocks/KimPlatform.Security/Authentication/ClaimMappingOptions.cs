namespace KimPlatform.Security.Authentication;

/// <summary>
/// Where the identity provider puts what the platform needs (configuration section <c>Identity:Claims</c>). Each name is
/// a claim of the access token, or a dotted path into a JSON claim (<c>realm_access.roles</c>). The defaults are the
/// platform's own names, which development tokens use.
/// </summary>
public sealed class ClaimMappingOptions
{
    /// <summary>The tenant key, e.g. a Keycloak user or client attribute <c>tenant</c>.</summary>
    public string Tenant { get; set; } = KimClaims.Tenant;

    /// <summary>The organisation key, e.g. a Keycloak attribute <c>organisation</c>.</summary>
    public string Organisation { get; set; } = KimClaims.Organisation;

    /// <summary>The roles: a string or an array, e.g. Keycloak's realm roles <c>realm_access.roles</c>.</summary>
    public string Roles { get; set; } = KimClaims.Roles;

    /// <summary>The display name (for the audit log); <c>preferred_username</c> is a common alternative.</summary>
    public string Name { get; set; } = KimClaims.Name;

    /// <summary>
    /// Provider role names that differ from the platform's, mapped to it (<c>KIM.CaseManager</c> → <c>case_manager</c>).
    /// Roles that are neither mapped nor platform roles (<c>offline_access</c>, <c>default-roles-kim</c>) are dropped.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);
}
