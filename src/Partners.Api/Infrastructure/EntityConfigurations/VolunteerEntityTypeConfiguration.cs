using KimPlatform.Data;
using KimPlatform.Partners.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Partners.Api.Infrastructure.EntityConfigurations;

internal sealed class VolunteerEntityTypeConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> builder)
    {
        builder.ToTable("volunteers");
        builder.HasKey(volunteer => volunteer.Id);
        builder.Property(volunteer => volunteer.Id).ValueGeneratedNever();
        builder.Property(volunteer => volunteer.TenantId).HasMaxLength(100);
        builder.Property(volunteer => volunteer.OrganisationId).HasMaxLength(100);
        builder.Property(volunteer => volunteer.Name).HasMaxLength(200);
        builder.Property(volunteer => volunteer.Email).HasMaxLength(200);
        builder.Property(volunteer => volunteer.Phone).HasMaxLength(50);
        builder.Property(volunteer => volunteer.Availability).HasMaxLength(1000);
        builder.Property(volunteer => volunteer.Languages).HasColumnType("text[]").Metadata.SetValueComparer(EnumText.ListComparer<string>());
        builder.Property(volunteer => volunteer.Skills).HasColumnType("text[]").Metadata.SetValueComparer(EnumText.ListComparer<string>());
        builder.Property(volunteer => volunteer.Municipalities).HasColumnType("text[]").Metadata.SetValueComparer(EnumText.ListComparer<string>());
        builder.Property(volunteer => volunteer.Version).IsConcurrencyToken();
        builder.HasIndex(volunteer => new { volunteer.TenantId, volunteer.OrganisationId });
    }
}
