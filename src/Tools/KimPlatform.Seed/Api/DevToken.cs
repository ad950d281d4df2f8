using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KimPlatform.Seed.Api;

/// <summary>
/// A development JWT with the claims `./kim token` writes (launcher/token.sh): issuer kim-dev, audience kim-platform,
/// HS256 over the base64-decoded key of .kim/dev-signing-key. Change the three together.
/// </summary>
internal static class DevToken
{
    public static string Create(string base64Key, string tenant, string organisation, string role, string subject, string name)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = "kim-dev", aud = "kim-platform", sub = subject, name, tenant, org = organisation, roles = new[] { role },
            iat = now, nbf = now, exp = now + 3600,
        }));
        var signingInput = $"{header}.{payload}";
        var signature = HMACSHA256.HashData(Convert.FromBase64String(base64Key), Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Encode(signature)}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
