using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;

internal sealed class CaseStateEntityTypeConfiguration : IEntityTypeConfiguration<CaseState>
{
    public void Configure(EntityTypeBuilder<CaseState> builder)
    {
        builder.ToTable("case_states");
        builder.HasKey(state => state.Key);
        builder.Property(state => state.Key).ValueGeneratedNever();
        builder.Property(state => state.TenantId).HasMaxLength(100);
        builder.Property(state => state.Municipality).HasMaxLength(100);
        builder.Property(state => state.AgeBand).HasMaxLength(10);
        builder.Property(state => state.ResidenceStatus).HasMaxLength(30);
        builder.Property(state => state.TargetGroups).HasColumnType("text[]");
        builder.Property(state => state.Reachability).HasMaxLength(30);
        builder.Property(state => state.Phase).HasMaxLength(30);
        builder.Property(state => state.CaseManagerKey).HasMaxLength(40);
    }
}
