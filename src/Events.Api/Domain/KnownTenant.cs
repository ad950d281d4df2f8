using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Events.Api.Domain;

/// <summary>
/// Tenants that have events. Not under row-level security (it holds only keys), so the retention job can find every
/// tenant and then work inside each one's row-level security.
/// </summary>
public sealed class KnownTenant
{
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; init; }
}
