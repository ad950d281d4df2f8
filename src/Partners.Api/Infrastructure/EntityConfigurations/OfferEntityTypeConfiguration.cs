using KimPlatform.Data;
using KimPlatform.Partners.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Partners.Api.Infrastructure.EntityConfigurations;

internal sealed class OfferEntityTypeConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.ToTable("offers");
        builder.HasKey(offer => offer.Id);
        builder.Property(offer => offer.Id).ValueGeneratedNever();
        builder.Ignore(offer => offer.Events);
        builder.Property(offer => offer.TenantId).HasMaxLength(100);
        builder.Property(offer => offer.OrganisationId).HasMaxLength(100);
        builder.Property(offer => offer.Topics).HasColumnType("text[]").Metadata.SetValueComparer(EnumText.ListComparer<string>());
        builder.Property(offer => offer.Languages).HasColumnType("text[]").Metadata.SetValueComparer(EnumText.ListComparer<string>());
        builder.Property(offer => offer.Municipalities).HasColumnType("text[]").Metadata.SetValueComparer(EnumText.ListComparer<string>());
        builder.Property(offer => offer.TargetGroups)
            .HasConversion(EnumText.ListOf<TargetGroup>(), EnumText.ListComparer<TargetGroup>()).HasColumnType("text[]");
        builder.Property(offer => offer.Version).IsConcurrencyToken();
        builder.OwnsMany(offer => offer.Texts, text => text.ToJson("texts"));
        builder.OwnsOne(offer => offer.Location, location => location.ToJson("location"));
        builder.OwnsOne(offer => offer.Accessibility, accessibility => accessibility.ToJson("accessibility"));
        builder.OwnsMany(offer => offer.Schedule, hours =>
        {
            hours.ToJson("schedule");
            hours.Property(h => h.Day).HasConversion(EnumText.Of<Weekday>());
        });

        // The directory filters through these (array containment, answered by GIN indexes); the full-text column and
        // its index are made by the migration, since EF Core does not model the text search configuration.
        builder.HasIndex(offer => new { offer.TenantId, offer.Published });
        builder.HasIndex(offer => new { offer.TenantId, offer.OrganisationId });
        builder.HasIndex(offer => offer.Topics).HasMethod("gin");
        builder.HasIndex(offer => offer.Languages).HasMethod("gin");
        builder.HasIndex(offer => offer.Municipalities).HasMethod("gin");
        builder.HasIndex(offer => offer.TargetGroups).HasMethod("gin");
    }
}
