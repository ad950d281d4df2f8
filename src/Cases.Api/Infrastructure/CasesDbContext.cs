using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure.EntityConfigurations;
using KimPlatform.Messaging;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Cases.Api.Infrastructure;

public sealed class CasesDbContext(DbContextOptions<CasesDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new CaseEntityTypeConfiguration());
    }
}
