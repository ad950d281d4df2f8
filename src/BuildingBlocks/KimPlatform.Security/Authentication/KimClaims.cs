namespace KimPlatform.Security.Authentication;

/// <summary>The claim names the identity provider puts into a KIM token.</summary>
public static class KimClaims
{
    /// <summary>Stable user id.</summary>
    public const string Subject = "sub";
    public const string Name = "name";
    /// <summary>Tenant key, e.g. <c>kreis-guetersloh</c>.</summary>
    public const string Tenant = "tenant";
    /// <summary>Organisation key, e.g. <c>caritas-guetersloh</c>.</summary>
    public const string Organisation = "org";
    /// <summary>Roles, one claim each (a JSON array in the token).</summary>
    public const string Roles = "roles";
}
