using KimPlatform.Data;

namespace KimPlatform.Cases.Api.Infrastructure;

/// <summary>The case service's unit of work over its own database (see <see cref="TenantUnitOfWork{TContext}"/>).</summary>
public sealed class TenantUnitOfWork(CasesDbContext db, CurrentTenant tenant) : KimPlatform.Data.TenantUnitOfWork<CasesDbContext>(db, tenant);
