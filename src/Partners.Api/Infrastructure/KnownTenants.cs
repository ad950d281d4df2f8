using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Partners.Api.Infrastructure;

/// <summary>
/// The tenants this database holds data of, in a table without row-level security, so the retention job can visit
/// each under its own tenant. Registered wherever a tenant's first personal data can arrive.
/// </summary>
internal static class KnownTenants
{
    public static Task RegisterTenantAsync(this PartnersDbContext db, string tenantId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"INSERT INTO known_tenants (tenant_id) VALUES ({tenantId}) ON CONFLICT DO NOTHING", cancellationToken);

    public static Task<List<string>> KnownTenantIdsAsync(this PartnersDbContext db, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<string>($"SELECT tenant_id AS \"Value\" FROM known_tenants ORDER BY tenant_id").ToListAsync(cancellationToken);
}
