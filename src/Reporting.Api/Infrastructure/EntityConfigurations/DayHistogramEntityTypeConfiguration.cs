using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;

internal sealed class DayHistogramEntityTypeConfiguration : IEntityTypeConfiguration<DayHistogram>
{
    public void Configure(EntityTypeBuilder<DayHistogram> builder)
    {
        builder.ToTable("day_histograms");
        builder.HasKey(histogram => new { histogram.TenantId, histogram.Measure, histogram.Month, histogram.Municipality, histogram.Bucket });
        builder.Property(histogram => histogram.TenantId).HasMaxLength(100);
        builder.Property(histogram => histogram.Measure).HasMaxLength(50);
        builder.Property(histogram => histogram.Municipality).HasMaxLength(100);
    }
}
