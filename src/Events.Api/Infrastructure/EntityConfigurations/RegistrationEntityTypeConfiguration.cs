using KimPlatform.Data;
using KimPlatform.Events.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Events.Api.Infrastructure.EntityConfigurations;

internal sealed class RegistrationEntityTypeConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> builder)
    {
        builder.ToTable("registrations");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.IsActive);
        builder.Property(r => r.TenantId).HasMaxLength(100);
        builder.Property(r => r.Status).HasConversion(EnumText.Of<PlaceStatus>()).HasMaxLength(20);
        builder.Property(r => r.ParticipantGroup).HasConversion(EnumText.Of<ParticipantGroup>()).HasMaxLength(20);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Email).HasMaxLength(254);
        builder.Property(r => r.EmailKey).HasMaxLength(254);
        builder.Property(r => r.Organisation).HasMaxLength(200);
        builder.Property(r => r.CancelTokenHash).HasMaxLength(64);
        builder.HasIndex(r => new { r.EventId, r.Sequence }).IsUnique();
        // The domain refuses a second active registration of an address under the event's lock; this is the backstop.
        builder.HasIndex(r => new { r.EventId, r.EmailKey }).IsUnique().HasFilter("status <> 'cancelled' AND email_key IS NOT NULL");
        builder.OwnsOne(r => r.Needs, needs => needs.ToJson("needs"));
        builder.OwnsMany(r => r.Sessions, place =>
        {
            place.ToJson("sessions");
            place.Property(p => p.Status).HasConversion(EnumText.Of<PlaceStatus>());
        });
        builder.Navigation(r => r.Sessions).HasField("_sessions");
    }
}
