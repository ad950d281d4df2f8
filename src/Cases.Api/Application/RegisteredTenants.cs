using System.Collections.Concurrent;

namespace KimPlatform.Cases.Api.Application;

/// <summary>
/// Tenants this process knows to be in <c>known_tenants</c>, so that opening a case asks the database only for a
/// tenant it has not seen yet: the look-up was one of the four round trips of every <c>POST /api/cases</c>. The table
/// only ever grows (the retention job reads it), so a tenant once seen committed stays registered.
/// </summary>
public sealed class RegisteredTenants
{
    private readonly ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    public bool Contains(string tenantId) => _known.ContainsKey(tenantId);

    /// <summary>Call only after the transaction that found or inserted the row has committed.</summary>
    public void Add(string tenantId) => _known.TryAdd(tenantId, true);
}
