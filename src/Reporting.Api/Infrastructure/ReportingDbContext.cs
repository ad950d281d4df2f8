using KimPlatform.Messaging;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.Infrastructure;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<CaseFact> CaseFacts => Set<CaseFact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new CaseFactEntityTypeConfiguration());
    }
}
