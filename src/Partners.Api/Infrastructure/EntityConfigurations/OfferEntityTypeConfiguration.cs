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

        // The directory searches a copy of the published offers' search columns (directory_entries, made and kept by the
        // migrations' SQL together with the full-text column), not this table: under row-level security the GIN indexes
        // of this table could not answer the runtime role's search (see the migration DirectorySearchPath).
        builder.HasIndex(offer => new { offer.TenantId, offer.Published });
        builder.HasIndex(offer => new { offer.TenantId, offer.OrganisationId });
    }
}
