using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KimPlatform.Security.Authentication;

/// <summary>
/// The provider's discovery document and signing keys (JWKS), fetched when first needed and every 12 hours. When a
/// token names a key it does not know, the keys are fetched again <em>before</em> that token is judged (the stock
/// manager refreshes in the background, so the first token after a rotation would be refused), at most once per
/// <see cref="IdentityProviderOptions.KeyRefreshInterval"/>. Tokens of a key the provider no longer publishes are
/// refused from that fetch on; no last-known-good keys are kept.
/// </summary>
public sealed class ProviderConfigurationManager : BaseConfigurationManager, IConfigurationManager<OpenIdConnectConfiguration>, IDisposable
{
    private static readonly TimeSpan AutomaticRefresh = TimeSpan.FromHours(12);

    private readonly SemaphoreSlim _fetch = new(1, 1);
    private readonly HttpClient _http;
    private readonly HttpDocumentRetriever _documents;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeProvider _time;
    private readonly Lock _requestLock = new();
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _nextAutomaticRefresh;
    private DateTimeOffset _lastRequestedRefresh = DateTimeOffset.MinValue;
    private volatile bool _refreshRequested;

    public ProviderConfigurationManager(IdentityProviderOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.Authority))
        {
            throw new InvalidOperationException(IdentityProviderOptions.NoUsableModeMessage);
        }

        MetadataAddress = options.Authority.TrimEnd('/') + "/.well-known/openid-configuration";
        UseLastKnownGoodConfiguration = false;
        _refreshInterval = options.KeyRefreshInterval;
        _time = time;
        _http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        _documents = new HttpDocumentRetriever(_http) { RequireHttps = options.RequireHttpsMetadata };
    }

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        if (_current is { } current && !_refreshRequested && _time.GetUtcNow() < _nextAutomaticRefresh)
        {
            return current;
        }

        await _fetch.WaitAsync(cancel);
        try
        {
            if (_current is { } fetched && !_refreshRequested && _time.GetUtcNow() < _nextAutomaticRefresh)
            {
                return fetched;
            }

            _refreshRequested = false;
            try
            {
                _current = await OpenIdConnectConfigurationRetriever.GetAsync(MetadataAddress, _documents, cancel);
                _nextAutomaticRefresh = _time.GetUtcNow() + AutomaticRefresh;
            }
            catch (Exception exception) when (_current is not null && exception is not OperationCanceledException)
            {
                // The provider is unreachable: keep its last keys and ask again soon.
                _nextAutomaticRefresh = _time.GetUtcNow() + _refreshInterval;
            }

            return _current;
        }
        finally
        {
            _fetch.Release();
        }
    }

    public override async Task<BaseConfiguration> GetBaseConfigurationAsync(CancellationToken cancel) => await GetConfigurationAsync(cancel);

    /// <summary>Called by the token handler for an unknown key: the next read fetches, unless one did so just now.</summary>
    public override void RequestRefresh()
    {
        lock (_requestLock)
        {
            var now = _time.GetUtcNow();
            if (now - _lastRequestedRefresh >= _refreshInterval)
            {
                _lastRequestedRefresh = now;
                _refreshRequested = true;
            }
        }
    }

    public void Dispose()
    {
        _fetch.Dispose();
        _http.Dispose();
    }
}
