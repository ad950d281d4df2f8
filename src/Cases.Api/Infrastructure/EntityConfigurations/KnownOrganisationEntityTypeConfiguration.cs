using KimPlatform.Data;
using KimPlatform.Cases.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Cases.Api.Infrastructure.EntityConfigurations;

internal sealed class KnownOrganisationEntityTypeConfiguration : IEntityTypeConfiguration<KnownOrganisation>
{
    public void Configure(EntityTypeBuilder<KnownOrganisation> builder)
    {
        builder.ToTable("known_organisations");
        builder.HasKey(organisation => new { organisation.TenantId, organisation.OrganisationId });
        builder.Property(organisation => organisation.TenantId).HasMaxLength(100);
        builder.Property(organisation => organisation.OrganisationId).HasMaxLength(100);
        builder.Property(organisation => organisation.Name).HasMaxLength(200);
        builder.Property(organisation => organisation.Kind).HasConversion(EnumText.Of<OrganisationKind>()).HasMaxLength(50);
    }
}
