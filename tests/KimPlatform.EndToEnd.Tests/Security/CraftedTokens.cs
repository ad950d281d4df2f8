using System.Text;
using System.Text.Json;
using KimPlatform.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>
/// Tokens an attacker or a misconfigured client could send, built like `./kim token` builds the real ones (issuer
/// <c>kim-dev</c>, audience <c>kim-platform</c>, the claims of launcher/token.sh) with exactly one thing wrong.
/// </summary>
internal static class CraftedTokens
{
    public static string Valid(string tenant, string organisation, params string[] roles) =>
        Sign(TestEnvironment.StackSigningKey, tenant, organisation, roles);

    public static string Expired(string tenant, string organisation, params string[] roles) =>
        Sign(TestEnvironment.StackSigningKey, tenant, organisation, roles, notBefore: DateTime.UtcNow.AddHours(-3), expires: DateTime.UtcNow.AddHours(-1));

    public static string SignedByAnotherKey(string tenant, string organisation, params string[] roles) =>
        Sign(DevTokens.NewKey(), tenant, organisation, roles);

    public static string WrongAudience(string tenant, string organisation, params string[] roles) =>
        Sign(TestEnvironment.StackSigningKey, tenant, organisation, roles, audience: "another-platform");

    public static string WrongIssuer(string tenant, string organisation, params string[] roles) =>
        Sign(TestEnvironment.StackSigningKey, tenant, organisation, roles, issuer: "https://attacker.example");

    /// <summary>The valid claims with <c>alg: none</c> and no signature.</summary>
    public static string AlgNone(string tenant, string organisation, params string[] roles)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "kim-dev", ["aud"] = "kim-platform", ["sub"] = $"user-{Guid.NewGuid():N}", ["name"] = "Mallory",
            ["tenant"] = tenant, ["org"] = organisation, ["roles"] = roles,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(), ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        }));
        return $"{header}.{payload}.";
    }

    private static string Sign(string key, string tenant, string organisation, string[] roles, string issuer = "kim-dev",
        string audience = "kim-platform", DateTime? notBefore = null, DateTime? expires = null) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            IssuedAt = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key)), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = $"user-{Guid.NewGuid():N}",
                ["name"] = "Test User",
                ["tenant"] = tenant,
                ["org"] = organisation,
                ["roles"] = roles,
            },
        });

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
