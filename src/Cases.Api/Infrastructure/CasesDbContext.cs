using KimPlatform.Cases.Api.Application.Replay;
using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure.EntityConfigurations;
using KimPlatform.Messaging;
using KimPlatform.Messaging.Replay;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Cases.Api.Infrastructure;

public sealed class CasesDbContext(DbContextOptions<CasesDbContext> options) : ServiceDbContext(options)
{
    /// <summary>The table the service's role may only append to.</summary>
    public const string AuditTable = "audit_entries";

    public DbSet<Case> Cases => Set<Case>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ConsentTemplate> ConsentTemplates => Set<ConsentTemplate>();
    public DbSet<KnownOrganisation> KnownOrganisations => Set<KnownOrganisation>();
    public DbSet<KnownTenant> KnownTenants => Set<KnownTenant>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new ReplayHistoryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new CaseEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ConsentTemplateEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new KnownOrganisationEntityTypeConfiguration());
        modelBuilder.Entity<KnownTenant>(tenant =>
        {
            tenant.ToTable("known_tenants");
            tenant.HasKey(known => known.TenantId);
            tenant.Property(known => known.TenantId).HasMaxLength(100);
        });
    }

    protected override KimPlatform.Contracts.IntegrationEvent? ForReplay(KimPlatform.Contracts.IntegrationEvent integrationEvent) => CaseReplay.ForReplay(integrationEvent);
}
