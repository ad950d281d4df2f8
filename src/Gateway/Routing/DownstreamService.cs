namespace KimPlatform.Gateway.Routing;

/// <summary>A service behind the gateway: its resource name (as Aspire names it) and the paths routed to it.</summary>
internal sealed record DownstreamService(string Name, string Title, params string[] PathPrefixes)
{
    public static readonly IReadOnlyList<DownstreamService> All =
    [
        new("cases-api", "Cases", "/api/cases"),
        new("partners-api", "Partners", "/api/partners"),
        new("events-api", "Events", "/api/events"),
        new("reporting-api", "Reports", "/api/reports", "/reports"),
    ];

    /// <summary>The key of the service's OpenAPI document at the gateway: <c>/openapi/{DocumentName}.json</c>.</summary>
    public string DocumentName => Name[..Name.IndexOf('-', StringComparison.Ordinal)];

    /// <summary>
    /// The address from configuration in Aspire's convention (<c>services:cases-api:http:0</c>, which
    /// <c>services__cases-api__http__0</c> sets), https preferred.
    /// </summary>
    public Uri AddressFrom(IConfiguration configuration) => AddressesFrom(configuration)[0];

    /// <summary>
    /// Every replica's address: <c>services:cases-api:http:0</c>, <c>…:1</c> and so on, as Aspire lists several endpoints
    /// of one service (https preferred when any is given).
    /// </summary>
    public IReadOnlyList<Uri> AddressesFrom(IConfiguration configuration)
    {
        var scheme = configuration.GetSection($"services:{Name}:https").Exists() ? "https" : "http";
        var addresses = configuration.GetSection($"services:{Name}:{scheme}").GetChildren()
            .Where(entry => int.TryParse(entry.Key, out _) && !string.IsNullOrEmpty(entry.Value))
            .OrderBy(entry => int.Parse(entry.Key, System.Globalization.CultureInfo.InvariantCulture))
            .Select(entry => new Uri(entry.Value!))
            .ToArray();
        return addresses.Length > 0
            ? addresses
            : throw new InvalidOperationException($"No address for {Name}: set services__{Name}__http__0.");
    }
}
