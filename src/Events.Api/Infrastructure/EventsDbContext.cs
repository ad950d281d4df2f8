using KimPlatform.Events.Api.Application.Replay;
using KimPlatform.Events.Api.Domain;
using KimPlatform.Events.Api.Infrastructure.EntityConfigurations;
using KimPlatform.Messaging;
using KimPlatform.Messaging.Replay;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Events.Api.Infrastructure;

public sealed class EventsDbContext(DbContextOptions<EventsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Event> Events => Set<Event>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<KnownTenant> KnownTenants => Set<KnownTenant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new ReplayHistoryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new EventEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new RegistrationEntityTypeConfiguration());
        modelBuilder.Entity<KnownTenant>(tenant =>
        {
            tenant.ToTable("known_tenants");
            tenant.HasKey(known => known.TenantId);
            tenant.Property(known => known.TenantId).HasMaxLength(100);
        });
    }

    protected override KimPlatform.Contracts.IntegrationEvent? ForReplay(KimPlatform.Contracts.IntegrationEvent integrationEvent) => EventReplay.ForReplay(integrationEvent);
}
