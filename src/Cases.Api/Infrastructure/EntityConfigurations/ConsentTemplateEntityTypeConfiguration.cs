using System.Text.Json;
using KimPlatform.Cases.Api.Domain;
using Microsoft.EntityFrameworkCore.ChangeTracking;
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
        builder.Property(template => template.DataCategoryNames)
            .HasConversion(
                names => JsonSerializer.Serialize(names, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
                new ValueComparer<Dictionary<string, string>>(
                    (left, right) => left!.Count == right!.Count && !left.Except(right).Any(),
                    names => names.Aggregate(0, (hash, pair) => HashCode.Combine(hash, pair.Key, pair.Value)),
                    names => new Dictionary<string, string>(names)))
            .HasColumnType("jsonb");
        builder.HasIndex(template => new { template.TenantId, template.Key, template.Language, template.Version }).IsUnique();
    }
}
