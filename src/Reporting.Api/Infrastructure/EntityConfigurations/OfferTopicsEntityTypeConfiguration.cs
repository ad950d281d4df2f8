using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;

internal sealed class OfferTopicsEntityTypeConfiguration : IEntityTypeConfiguration<OfferTopics>
{
    public void Configure(EntityTypeBuilder<OfferTopics> builder)
    {
        builder.ToTable("offer_topics");
        builder.HasKey(offer => offer.OfferId);
        builder.Property(offer => offer.OfferId).ValueGeneratedNever();
        builder.Property(offer => offer.TenantId).HasMaxLength(100);
        builder.Property(offer => offer.Topics).HasColumnType("text[]");
    }
}
