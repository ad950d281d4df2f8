using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using KimPlatform.Security.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace KimPlatform.Gateway.BrowserSession;

/// <summary>
/// The access token of a browser session, refreshed with the session's refresh token shortly before it expires. One
/// refresh per session at a time: a provider that rotates refresh tokens would refuse the second of two at once.
/// </summary>
internal sealed partial class SessionTokens(
    ITicketStore store,
    IServiceProvider services,
    IHttpClientFactory httpClients,
    IOptions<BrowserSessionOptions> options,
    TimeProvider time,
    ILogger<SessionTokens> logger)
{
    public const string HttpClientName = "kim-session-refresh";
    public const string CsrfItem = "kim.csrf";
    public const string AccessToken = "access_token";
    public const string RefreshToken = "refresh_token";
    public const string ExpiresAt = "expires_at";

    private static readonly SemaphoreSlim[] Locks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public static string NewCsrfToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Stores the tokens in the session's properties, in the shape the OpenID Connect handler saves them.</summary>
    public static void Save(AuthenticationProperties properties, string accessToken, DateTimeOffset expiresAt, string? refreshToken)
    {
        var tokens = properties.GetTokens().Where(token => token.Name is not (AccessToken or RefreshToken or ExpiresAt)).ToList();
        tokens.Add(new AuthenticationToken { Name = AccessToken, Value = accessToken });
        tokens.Add(new AuthenticationToken { Name = ExpiresAt, Value = expiresAt.ToString("o", CultureInfo.InvariantCulture) });
        if (refreshToken is not null)
        {
            tokens.Add(new AuthenticationToken { Name = RefreshToken, Value = refreshToken });
        }

        properties.StoreTokens(tokens);
    }

    /// <summary>A usable access token for the session, or null when it has expired and cannot be refreshed.</summary>
    public async Task<string?> AccessTokenAsync(AuthenticateResult session, CancellationToken cancellation)
    {
        if (Fresh(session.Properties!) is { } fresh)
        {
            return fresh;
        }

        var key = session.Properties!.Items.TryGetValue(DistributedCacheTicketStore.SessionKeyItem, out var stored) ? stored : null;
        if (key is null || session.Properties!.GetTokenValue(RefreshToken) is null)
        {
            return Unexpired(session.Properties!);
        }

        var gate = Locks[(uint)StringComparer.Ordinal.GetHashCode(key) % (uint)Locks.Length];
        await gate.WaitAsync(cancellation);
        try
        {
            // Another request of this session may have refreshed while this one waited.
            var ticket = await store.RetrieveAsync(key);
            if (ticket is null)
            {
                return null;
            }

            if (Fresh(ticket.Properties) is { } refreshedMeanwhile)
            {
                return refreshedMeanwhile;
            }

            if (await RefreshAsync(ticket.Properties.GetTokenValue(RefreshToken)!, cancellation) is not { } refreshed)
            {
                return Unexpired(ticket.Properties);
            }

            Save(ticket.Properties, refreshed.AccessToken, refreshed.ExpiresAt, refreshed.RefreshToken ?? ticket.Properties.GetTokenValue(RefreshToken));
            await store.RenewAsync(key, ticket);
            return refreshed.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    private string? Fresh(AuthenticationProperties properties) =>
        ExpiryOf(properties) - time.GetUtcNow() > options.Value.RefreshBefore ? properties.GetTokenValue(AccessToken) : null;

    private string? Unexpired(AuthenticationProperties properties) =>
        ExpiryOf(properties) > time.GetUtcNow() ? properties.GetTokenValue(AccessToken) : null;

    private static DateTimeOffset ExpiryOf(AuthenticationProperties properties) =>
        DateTimeOffset.TryParse(properties.GetTokenValue(ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expiresAt)
            ? expiresAt
            : DateTimeOffset.MinValue;

    private async Task<Refreshed?> RefreshAsync(string refreshToken, CancellationToken cancellation)
    {
        var configuration = await services.GetRequiredService<ProviderConfigurationManager>().GetConfigurationAsync(cancellation);
        var client = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            $"{Uri.EscapeDataString(client.ClientId!)}:{Uri.EscapeDataString(client.ClientSecret ?? "")}")));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellation);
            if (!response.IsSuccessStatusCode)
            {
                LogRefreshRefused(logger, (int)response.StatusCode);
                return null;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation));
            var root = body.RootElement;
            return new Refreshed(
                root.GetProperty("access_token").GetString()!,
                time.GetUtcNow().AddSeconds(root.TryGetProperty("expires_in", out var expiresIn) ? expiresIn.GetInt32() : 60),
                root.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString() : null);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            LogRefreshFailed(logger, exception);
            return null;
        }
    }

    private sealed record Refreshed(string AccessToken, DateTimeOffset ExpiresAt, string? RefreshToken);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "The provider refused to refresh a browser session ({StatusCode}); the session ends")]
    private static partial void LogRefreshRefused(ILogger logger, int statusCode);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Refreshing a browser session's access token failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
