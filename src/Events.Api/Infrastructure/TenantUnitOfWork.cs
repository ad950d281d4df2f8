using KimPlatform.Data;

namespace KimPlatform.Events.Api.Infrastructure;

/// <summary>The event service's unit of work over its own database (see <see cref="TenantUnitOfWork{TContext}"/>).</summary>
public sealed class TenantUnitOfWork(EventsDbContext db, CurrentTenant tenant) : KimPlatform.Data.TenantUnitOfWork<EventsDbContext>(db, tenant);
