using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace KimPlatform.Gateway.Authentication;

/// <summary>
/// Remembers the bearer tokens the gateway found valid for <see cref="MaxAge"/> (never past the token's own expiry), so
/// that a client's next requests with the same token skip parsing it and checking its signature, the largest part of the
/// gateway's own CPU per proxied request (bench/README.md, "Gateway tuning"). Only a token that passed the full check is
/// remembered, under its exact text; a forged or altered token is a different string and is checked in full. The services
/// behind the gateway check every token themselves. A remembered token is checked in full again as soon as the signing keys
/// change (the provider's keys fetched again), so a withdrawn key is refused as promptly as without the cache.
/// </summary>
internal sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider time) : TokenHandler
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    /// <summary>Tokens remembered at most; beyond, expired ones are dropped, and if that is not enough, all.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<string, Entry> _valid = new(StringComparer.Ordinal);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        ArgumentNullException.ThrowIfNull(validationParameters);
        var now = time.GetUtcNow();
        // Taken before the check: if the keys change during it, the entry is checked in full once more, never the reverse.
        var keys = await KeysInEffectAsync(validationParameters);
        if (_valid.TryGetValue(token, out var entry))
        {
            if (entry.Until > now && ReferenceEquals(entry.Keys, keys))
            {
                return entry.Result;
            }

            _valid.TryRemove(new KeyValuePair<string, Entry>(token, entry));
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated)
        {
            Remember(token, new Entry(result, keys, Until(validated.ValidTo, now)), now);
        }

        return result;
    }

    // The provider's current configuration (a new object whenever its keys are fetched again), or the development key: a
    // remembered token is honoured only while the keys that were in effect when it was checked still are.
    private static async ValueTask<object?> KeysInEffectAsync(TokenValidationParameters parameters) =>
        parameters.ConfigurationManager is { } provider
            ? await provider.GetBaseConfigurationAsync(CancellationToken.None)
            : parameters.IssuerSigningKeys ?? (object?)parameters.IssuerSigningKey;

    // Never past the token's own expiry (ValidTo is DateTime.MinValue without one, which the validation refuses anyway).
    private static DateTimeOffset Until(DateTime validTo, DateTimeOffset now)
    {
        var until = now + MaxAge;
        var expires = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc));
        return expires < until ? expires : until;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    private void Remember(string token, Entry entry, DateTimeOffset now)
    {
        if (entry.Until <= now)
        {
            return;
        }

        if (_valid.Count >= Capacity)
        {
            foreach (var (key, old) in _valid)
            {
                if (old.Until <= now)
                {
                    _valid.TryRemove(key, out _);
                }
            }

            if (_valid.Count >= Capacity)
            {
                _valid.Clear();
            }
        }

        _valid[token] = entry;
    }

    // The result is shared by the requests that carry the token; they only read its identity (KimClaimMapping builds each
    // request's own principal from it).
    private sealed record Entry(TokenValidationResult Result, object? Keys, DateTimeOffset Until);
}

/// <summary>Registration of <see cref="ValidatedTokenCache"/> in front of the bearer scheme's token handlers.</summary>
internal static class ValidatedTokenCacheExtensions
{
    public static void AddValidatedTokenCache(this IHostApplicationBuilder builder) =>
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<TimeProvider>((jwt, time) =>
            {
                for (var i = 0; i < jwt.TokenHandlers.Count; i++)
                {
                    if (jwt.TokenHandlers[i] is not ValidatedTokenCache)
                    {
                        jwt.TokenHandlers[i] = new ValidatedTokenCache(jwt.TokenHandlers[i], time);
                    }
                }
            });
}
