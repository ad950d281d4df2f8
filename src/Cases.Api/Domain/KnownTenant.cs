using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Cases.Api.Domain;

/// <summary>
/// Tenants that have cases. Not under row-level security (it holds only keys), so the retention job can find every
/// tenant and then work inside each one's row-level security.
/// </summary>
public sealed class KnownTenant
{
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; init; }
}
