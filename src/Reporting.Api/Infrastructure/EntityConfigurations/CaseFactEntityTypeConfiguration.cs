using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;

internal sealed class CaseFactEntityTypeConfiguration : IEntityTypeConfiguration<CaseFact>
{
    public void Configure(EntityTypeBuilder<CaseFact> builder)
    {
        builder.ToTable("case_facts");
        builder.HasKey(fact => fact.CaseId);
        builder.Property(fact => fact.CaseId).ValueGeneratedNever();
        builder.Property(fact => fact.TenantId).HasMaxLength(100);
        builder.Property(fact => fact.OrganisationId).HasMaxLength(100);
        builder.Property(fact => fact.Municipality).HasMaxLength(100);
        builder.Property(fact => fact.AgeBand).HasMaxLength(10);
        builder.Property(fact => fact.ResidenceStatus).HasMaxLength(30);
        builder.Property(fact => fact.TargetGroups).HasColumnType("text[]");
        builder.Property(fact => fact.Reachability).HasMaxLength(30);
        builder.Property(fact => fact.Phase).HasMaxLength(30);
        builder.HasIndex(fact => new { fact.TenantId, fact.Phase, fact.Municipality });
    }
}
