namespace KimPlatform.Security.Authentication;

/// <summary>
/// How tokens are validated (configuration section <c>Identity</c>). With an <see cref="Authority"/> the services
/// trust a real OpenID Connect provider; without one they accept tokens signed with the local development key.
/// </summary>
public sealed class IdentityProviderOptions
{
    public const string SectionName = "Identity";

    public const string NoUsableModeMessage =
        "No identity provider is configured. Set Identity:Authority (environment: Identity__Authority) to the county's " +
        "OpenID Connect provider, e.g. https://login.example-kreis.de/realms/kim. Identity:DevelopmentSigningKey is " +
        "accepted only when ASPNETCORE_ENVIRONMENT is Development, for `./kim up` and the tests.";

    /// <summary>Issuer of the development tokens that <c>./kim token</c> prints.</summary>
    public const string DevelopmentIssuer = "kim-dev";

    /// <summary>OIDC authority (issuer URL) of the county's identity provider; empty for local development.</summary>
    public string? Authority { get; set; }

    /// <summary>Audience every token must carry.</summary>
    public string Audience { get; set; } = "kim-platform";

    /// <summary>
    /// How soon after the last refresh a token signed with an unknown key (<c>kid</c>) makes the services fetch the
    /// provider's keys again (default 5 minutes). Without such a token, keys are fetched every 12 hours.
    /// </summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the provider puts tenant, organisation, roles and name (<c>Identity:Claims</c>).</summary>
    public ClaimMappingOptions Claims { get; set; } = new();

    /// <summary>Whether the authority's metadata must be fetched over HTTPS.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Base64 HMAC-SHA256 key for development tokens (generated into the ignored <c>.kim</c> folder).</summary>
    public string? DevelopmentSigningKey { get; set; }

    /// <summary>Whether tokens are checked against the development key rather than a provider's.</summary>
    public bool UsesDevelopmentSigning => string.IsNullOrWhiteSpace(Authority);
}
