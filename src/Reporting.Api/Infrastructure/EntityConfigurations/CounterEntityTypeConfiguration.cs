using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;

internal sealed class CounterEntityTypeConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> builder)
    {
        builder.ToTable("counters");
        // The key's order is the figure queries' access path: one tenant's figure over a range of months.
        builder.HasKey(counter => new { counter.TenantId, counter.Figure, counter.Month, counter.Municipality, counter.Category });
        builder.Property(counter => counter.TenantId).HasMaxLength(100);
        builder.Property(counter => counter.Figure).HasMaxLength(50);
        builder.Property(counter => counter.Municipality).HasMaxLength(100);
        builder.Property(counter => counter.Category).HasMaxLength(200);
    }
}
