using KimPlatform.Data;
using KimPlatform.Partners.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Partners.Api.Infrastructure.EntityConfigurations;

internal sealed class OrganisationEntityTypeConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(organisation => new { organisation.TenantId, organisation.Id });
        builder.Ignore(organisation => organisation.Events);
        builder.Property(organisation => organisation.TenantId).HasMaxLength(100);
        builder.Property(organisation => organisation.Id).HasMaxLength(100);
        builder.Property(organisation => organisation.Name).HasMaxLength(200);
        builder.Property(organisation => organisation.Kind).HasConversion(EnumText.Of<OrganisationKind>()).HasMaxLength(30);
        builder.Property(organisation => organisation.LegalDomains)
            .HasConversion(EnumText.ListOf<LegalDomain>(), EnumText.ListComparer<LegalDomain>()).HasColumnType("text[]");
        builder.Property(organisation => organisation.Languages).HasColumnType("text[]")
            .Metadata.SetValueComparer(EnumText.ListComparer<string>());
        builder.Property(organisation => organisation.Version).IsConcurrencyToken();
        builder.OwnsOne(organisation => organisation.Address, address => address.ToJson("address"));
        builder.OwnsMany(organisation => organisation.Contacts, contact =>
        {
            contact.ToJson("contacts");
            contact.OwnsMany(c => c.ConsultationHours, hours => hours.Property(h => h.Day).HasConversion(EnumText.Of<Weekday>()));
        });
    }
}
