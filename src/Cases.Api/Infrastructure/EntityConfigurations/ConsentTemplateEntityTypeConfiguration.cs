using KimPlatform.Cases.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Cases.Api.Infrastructure.EntityConfigurations;

internal sealed class ConsentTemplateEntityTypeConfiguration : IEntityTypeConfiguration<ConsentTemplate>
{
    public void Configure(EntityTypeBuilder<ConsentTemplate> builder)
    {
        builder.ToTable("consent_templates");
        builder.HasKey(template => template.Id);
        builder.Property(template => template.Id).ValueGeneratedNever();
        builder.Property(template => template.TenantId).HasMaxLength(100);
        builder.Property(template => template.Key).HasMaxLength(50);
        builder.Property(template => template.Language).HasMaxLength(20);
        builder.Property(template => template.Title).HasMaxLength(200);
        builder.Property(template => template.UntilWithdrawn).HasMaxLength(200);
        builder.Property(template => template.PublishedBy).HasMaxLength(200);
        builder.Property(template => template.DataCategoryNames).HasColumnType("jsonb");
        builder.HasIndex(template => new { template.TenantId, template.Key, template.Language, template.Version }).IsUnique();
    }
}
