using System.Security.Claims;
using System.Text.Json;
using KimPlatform.Security.Authorization;

namespace KimPlatform.Security.Authentication;

/// <summary>
/// Rewrites a validated token's claims into the platform's names (<c>tenant</c>, <c>org</c>, <c>roles</c>, <c>name</c>),
/// so that <see cref="CallerContext"/> and the policies read one shape whatever the provider calls them.
/// </summary>
public static class KimClaimMapping
{
    private static readonly HashSet<string> PlatformRoles =
        [KimRoles.CaseManager, KimRoles.Coordinator, KimRoles.PartnerStaff, KimRoles.TenantAdmin];

    private static readonly string[] PlatformNames = [KimClaims.Tenant, KimClaims.Organisation, KimClaims.Roles, KimClaims.Name];

    /// <summary>
    /// A principal whose platform claims come only from the configured sources: a token cannot add a role by also
    /// sending a claim under the platform's name when the provider's roles live elsewhere.
    /// </summary>
    public static ClaimsPrincipal Map(ClaimsPrincipal principal, ClaimMappingOptions options)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(options);
        if (principal.Identity is not ClaimsIdentity source)
        {
            return principal;
        }

        var tenant = OnlyValue(source, options.Tenant);
        var organisation = OnlyValue(source, options.Organisation);
        var name = Values(source, options.Name).FirstOrDefault();
        var roles = Values(source, options.Roles)
            .Select(role => options.RoleMap.TryGetValue(role, out var mapped) ? mapped : role)
            .Where(PlatformRoles.Contains)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        var mapped = new ClaimsIdentity(
            source.Claims.Where(claim => !PlatformNames.Contains(claim.Type, StringComparer.Ordinal)),
            source.AuthenticationType, KimClaims.Name, KimClaims.Roles);
        AddIfPresent(mapped, KimClaims.Tenant, tenant);
        AddIfPresent(mapped, KimClaims.Organisation, organisation);
        AddIfPresent(mapped, KimClaims.Name, name);
        mapped.AddClaims(roles.Select(role => new Claim(KimClaims.Roles, role)));
        return new ClaimsPrincipal(mapped);
    }

    // Two different tenants (or organisations) in one token name none: the caller is refused rather than guessed.
    private static string? OnlyValue(ClaimsIdentity identity, string path)
    {
        var values = Values(identity, path).Distinct(StringComparer.Ordinal).Take(2).ToList();
        return values.Count == 1 ? values[0] : null;
    }

    // A top-level claim may occur several times (a JSON array in the token); a dotted path walks into a JSON object.
    private static IEnumerable<string> Values(ClaimsIdentity identity, string path)
    {
        var segments = path.Split('.');
        foreach (var claim in identity.FindAll(segments[0]))
        {
            if (segments.Length == 1)
            {
                yield return claim.Value;
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(claim.Value);
            }
            catch (JsonException)
            {
                continue;
            }

            using (document)
            {
                foreach (var value in Walk(document.RootElement, segments.AsSpan(1).ToArray()))
                {
                    yield return value;
                }
            }
        }
    }

    private static List<string> Walk(JsonElement element, string[] segments)
    {
        foreach (var segment in segments)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                return [];
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => [element.GetString()!],
            JsonValueKind.Array => element.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToList(),
            _ => [],
        };
    }

    private static void AddIfPresent(ClaimsIdentity identity, string type, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            identity.AddClaim(new Claim(type, value));
        }
    }
}
