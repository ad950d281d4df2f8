using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;

internal sealed class CounterVersionEntityTypeConfiguration : IEntityTypeConfiguration<CounterVersion>
{
    public void Configure(EntityTypeBuilder<CounterVersion> builder)
    {
        // Written only by the triggers of the migration CounterVersions.
        builder.ToTable("counter_versions");
        builder.HasKey(version => new { version.TenantId, version.Year });
        builder.Property(version => version.TenantId).HasMaxLength(100);
        builder.Property(version => version.Year).ValueGeneratedNever();
    }
}
