using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;

internal sealed class ErasedKeyEntityTypeConfiguration : IEntityTypeConfiguration<ErasedKey>
{
    public void Configure(EntityTypeBuilder<ErasedKey> builder)
    {
        builder.ToTable("erased_keys");
        builder.HasKey(erased => erased.Key);
        builder.Property(erased => erased.Key).ValueGeneratedNever();
        builder.Property(erased => erased.TenantId).HasMaxLength(100);
    }
}
