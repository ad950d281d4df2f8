using KimPlatform.Data;

namespace KimPlatform.Reporting.Api.Infrastructure;

/// <summary>Reporting's unit of work over its own database (see <see cref="TenantUnitOfWork{TContext}"/>).</summary>
public sealed class TenantUnitOfWork(ReportingDbContext db, CurrentTenant tenant) : KimPlatform.Data.TenantUnitOfWork<ReportingDbContext>(db, tenant);
