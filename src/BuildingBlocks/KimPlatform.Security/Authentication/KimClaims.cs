using System.Text.RegularExpressions;

namespace KimPlatform.Security.Authentication;

/// <summary>The claim names the identity provider puts into a KIM token.</summary>
public static partial class KimClaims
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

    /// <summary>
    /// Whether a tenant or organisation key has the platform's shape: lowercase letters, digits and '-', starting
    /// with a letter or digit, at most 63 characters (the keys also name PostgreSQL settings and queue prefixes).
    /// </summary>
    public static bool IsKey(string? value) => value is not null && KeyPattern().IsMatch(value);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
