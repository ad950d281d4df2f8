using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KimPlatform.Testing;

/// <summary>Tokens shaped like the identity provider's, signed with a development key (as `./kim token` does).</summary>
public static class DevTokens
{
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Create(string key, string tenant, string organisation, params string[] roles) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "kim-dev",
            Audience = "kim-platform",
            Expires = DateTime.UtcNow.AddHours(1),
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
}
