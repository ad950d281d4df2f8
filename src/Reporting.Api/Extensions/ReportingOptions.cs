namespace KimPlatform.Reporting.Api.Extensions;

/// <summary>Reporting settings (section <c>Reporting</c>), with per-tenant overrides under <c>Reporting:Tenants:&lt;key&gt;</c>.</summary>
public sealed class ReportingOptions
{
    public const string SectionName = "Reporting";

    /// <summary>Counts below this are shown as suppressed, so that no person can be singled out.</summary>
    public int SuppressionThreshold { get; set; } = 5;

    /// <summary>
    /// The secret (base64, at least 32 bytes) of the keyed hash that turns case, goal and user ids into pseudonymous
    /// keys. Only reporting holds it; without it nobody can link a key to a case.
    /// </summary>
    public string? PseudonymKey { get; set; }

    public Dictionary<string, TenantReportingOptions> Tenants { get; } = new(StringComparer.Ordinal);

    public int SuppressionThresholdFor(string tenantId) =>
        Tenants.TryGetValue(tenantId, out var tenant) && tenant.SuppressionThreshold is { } threshold
            ? threshold
            : SuppressionThreshold;
}

public sealed class TenantReportingOptions
{
    public int? SuppressionThreshold { get; set; }
}
