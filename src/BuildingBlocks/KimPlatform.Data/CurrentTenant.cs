using KimPlatform.Security.Authentication;

namespace KimPlatform.Data;

/// <summary>
/// The tenant whose rows the current unit of work may touch: the caller's tenant on an HTTP request, or the
/// tenant of the message a consumer is handling (set with <see cref="Use"/>).
/// </summary>
public sealed class CurrentTenant(CallerContext caller)
{
    private string? _override;

    /// <summary>The tenant key, or null when there is none (then row-level security shows no rows).</summary>
    public string? TenantId => _override ?? caller.TenantId;

    /// <summary>Switches this scope to a tenant, e.g. the tenant named by an integration event.</summary>
    public void Use(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        _override = tenantId;
    }
}
