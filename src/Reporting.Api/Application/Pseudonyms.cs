using System.Security.Cryptography;
using System.Text;
using KimPlatform.Reporting.Api.Extensions;
using Microsoft.Extensions.Options;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// Keyed hashes (HMAC-SHA256 with <see cref="ReportingOptions.PseudonymKey"/>) of ids: the same id always gives the
/// same key, and nobody without the secret can go back from a key to the id.
/// </summary>
public sealed class Pseudonyms
{
    private readonly byte[] _secret;

    public Pseudonyms(IOptions<ReportingOptions> options, IHostEnvironment environment, ILogger<Pseudonyms> logger)
    {
        var configured = options.Value.PseudonymKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Reporting:PseudonymKey is not configured. Set it to a random base64 secret of at least 32 bytes that only reporting holds.");
            }

            // Development without the launcher: keys change with every start, so the read models do too.
            logger.LogWarning("Reporting:PseudonymKey is not configured; using a random key for this process only.");
            _secret = RandomNumberGenerator.GetBytes(32);
            return;
        }

        _secret = Convert.FromBase64String(configured);
        if (_secret.Length < 32)
        {
            throw new InvalidOperationException("Reporting:PseudonymKey must hold at least 32 bytes.");
        }
    }

    /// <summary>The pseudonymous key of an id of a kind (<c>case</c>, <c>goal</c>, …) in a tenant.</summary>
    public Guid Of(string kind, string tenantId, Guid id) => new(Hash($"{kind}:{tenantId}:{id:N}").AsSpan(0, 16));

    /// <summary>The pseudonymous key of a user id, as 20 hex digits.</summary>
    public string OfUser(string tenantId, string userId) => Convert.ToHexStringLower(Hash($"user:{tenantId}:{userId}").AsSpan(0, 10));

    private byte[] Hash(string value) => HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(value));
}
