using KimPlatform.Data;

namespace KimPlatform.Partners.Api.Infrastructure;

/// <summary>The partner service's unit of work over its own database (see <see cref="TenantUnitOfWork{TContext}"/>).</summary>
public sealed class TenantUnitOfWork(PartnersDbContext db, CurrentTenant tenant) : KimPlatform.Data.TenantUnitOfWork<PartnersDbContext>(db, tenant);
