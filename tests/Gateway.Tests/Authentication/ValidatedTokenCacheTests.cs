using System.Security.Claims;
using System.Security.Cryptography;
using KimPlatform.Gateway.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KimPlatform.Gateway.Tests.Authentication;

/// <summary>The gateway skips the full check of a token it found valid moments ago, and of nothing else.</summary>
public sealed class ValidatedTokenCacheTests
{
    private static readonly SymmetricSecurityKey Key = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task ValidateTokenAsync_SameValidTokenAgain_SkipsTheFullCheck()
    {
        var (cache, inner, _) = NewCache();
        var token = Token(Key, expiresIn: TimeSpan.FromHours(1));

        var first = await cache.ValidateTokenAsync(token, Parameters());
        var second = await cache.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal("user-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
        Assert.Equal(1, inner.Checks);
    }

    [Fact]
    public async Task ValidateTokenAsync_TokenWithAnotherKey_IsCheckedInFullEveryTime()
    {
        var (cache, inner, _) = NewCache();
        var forged = Token(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)), expiresIn: TimeSpan.FromHours(1));

        var first = await cache.ValidateTokenAsync(forged, Parameters());
        var second = await cache.ValidateTokenAsync(forged, Parameters());

        Assert.False(first.IsValid);
        Assert.False(second.IsValid);
        Assert.Equal(2, inner.Checks);
    }

    [Fact]
    public async Task ValidateTokenAsync_AfterMaxAge_ChecksInFullAgain()
    {
        var (cache, inner, time) = NewCache();
        var token = Token(Key, expiresIn: TimeSpan.FromHours(1));

        await cache.ValidateTokenAsync(token, Parameters());
        time.Advance(ValidatedTokenCache.MaxAge);
        var again = await cache.ValidateTokenAsync(token, Parameters());

        Assert.True(again.IsValid);
        Assert.Equal(2, inner.Checks);
    }

    [Fact]
    public async Task ValidateTokenAsync_PastTheTokensOwnExpiry_ChecksInFullAgain()
    {
        var (cache, inner, time) = NewCache();
        var token = Token(Key, expiresIn: TimeSpan.FromSeconds(10));

        await cache.ValidateTokenAsync(token, Parameters());
        time.Advance(TimeSpan.FromSeconds(11));
        await cache.ValidateTokenAsync(token, Parameters());

        Assert.Equal(2, inner.Checks);
    }

    [Fact]
    public async Task ValidateTokenAsync_SigningKeysChanged_ChecksInFullAgain()
    {
        var (cache, inner, _) = NewCache();
        var token = Token(Key, expiresIn: TimeSpan.FromHours(1));

        await cache.ValidateTokenAsync(token, Parameters());
        // The provider's keys fetched again: a new set, even if it still holds the key.
        var refreshed = Parameters();
        refreshed.IssuerSigningKey = null;
        refreshed.IssuerSigningKeys = [Key];
        var again = await cache.ValidateTokenAsync(token, refreshed);

        Assert.True(again.IsValid);
        Assert.Equal(2, inner.Checks);
    }

    private static (ValidatedTokenCache Cache, CountingHandler Inner, SettableTime Time) NewCache()
    {
        var inner = new CountingHandler();
        var time = new SettableTime(DateTimeOffset.UtcNow);
        return (new ValidatedTokenCache(inner, time), inner, time);
    }

    private static TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = "kim-dev",
        ValidAudience = "kim-platform",
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
    };

    private static string Token(SecurityKey key, TimeSpan expiresIn) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "kim-dev",
        Audience = "kim-platform",
        Subject = new ClaimsIdentity([new Claim("sub", "user-1"), new Claim("tenant", "kreis-test"), new Claim("org", "org-test")]),
        NotBefore = DateTime.UtcNow.AddMinutes(-1),
        IssuedAt = DateTime.UtcNow.AddMinutes(-1),
        Expires = DateTime.UtcNow.Add(expiresIn),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });

    private sealed class CountingHandler : JsonWebTokenHandler
    {
        private int _checks;

        public int Checks => _checks;

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Interlocked.Increment(ref _checks);
            return base.ValidateTokenAsync(token, validationParameters);
        }
    }

    private sealed class SettableTime(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public void Advance(TimeSpan by) => _now += by;

        public override DateTimeOffset GetUtcNow() => _now;
    }
}
