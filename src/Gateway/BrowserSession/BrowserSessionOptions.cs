namespace KimPlatform.Gateway.BrowserSession;

/// <summary>
/// The gateway's browser sign-in (configuration section <c>Identity:Browser</c>): the confidential client it uses at the
/// provider. Without a <see cref="ClientId"/> there is no provider sign-in; in local mode the development sign-in serves.
/// </summary>
internal sealed class BrowserSessionOptions
{
    public const string SectionName = "Identity:Browser";

    /// <summary>The session cookie; <c>__Host-</c> binds it to this host, path <c>/</c> and TLS.</summary>
    public const string CookieName = "__Host-kim-session";

    /// <summary>The header a cookie-authenticated write must carry, with the session's token from <c>/auth/me</c>.</summary>
    public const string CsrfHeader = "X-KIM-CSRF";

    /// <summary>The same token, as a form field of a sign-out form.</summary>
    public const string CsrfFormField = "csrf";

    /// <summary>Passed to proxied requests of a session, so that a server-rendered page can put it into its forms.</summary>
    public const string CsrfForwardHeader = "X-Kim-Session-Csrf";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c>; <c>offline_access</c> brings the refresh token.</summary>
    public string[] Scopes { get; set; } = ["profile", "offline_access"];

    /// <summary>How long a session lasts at most, whatever the refresh token allows.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The access token is refreshed when less than this is left of it.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromSeconds(30);
}
