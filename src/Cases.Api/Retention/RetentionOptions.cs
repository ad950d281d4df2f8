namespace KimPlatform.Cases.Api.Retention;

/// <summary>How long closed cases keep their personal data (section <c>Retention</c>; per tenant under <c>Retention:Tenants:&lt;key&gt;</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Months after closing until a case is anonymised.</summary>
    public int Months { get; set; } = 36;

    /// <summary>How often the job looks for expired cases.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    public Dictionary<string, TenantRetentionOptions> Tenants { get; } = new(StringComparer.Ordinal);

    public int MonthsFor(string tenantId) =>
        Tenants.TryGetValue(tenantId, out var tenant) && tenant.Months is { } months ? months : Months;
}

public sealed class TenantRetentionOptions
{
    public int? Months { get; set; }
}
