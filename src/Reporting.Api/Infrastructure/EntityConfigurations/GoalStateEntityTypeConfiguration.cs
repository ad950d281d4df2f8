using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;

internal sealed class GoalStateEntityTypeConfiguration : IEntityTypeConfiguration<GoalState>
{
    public void Configure(EntityTypeBuilder<GoalState> builder)
    {
        builder.ToTable("goal_states");
        builder.HasKey(goal => goal.Key);
        builder.Property(goal => goal.Key).ValueGeneratedNever();
        builder.Property(goal => goal.TenantId).HasMaxLength(100);
        builder.Property(goal => goal.Municipality).HasMaxLength(100);
        builder.Property(goal => goal.LifeArea).HasMaxLength(50);
        builder.Property(goal => goal.Status).HasMaxLength(30);
        builder.HasIndex(goal => goal.CaseKey);
    }
}
