using KimPlatform.Data;
using KimPlatform.Events.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Events.Api.Infrastructure.EntityConfigurations;

internal sealed class EventEntityTypeConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Ignore(e => e.Raised);
        builder.Ignore(e => e.EffectiveClosesAt);
        builder.Ignore(e => e.PlacesLeft);
        builder.Ignore(e => e.WaitlistCount);
        builder.Property(e => e.TenantId).HasMaxLength(100);
        builder.Property(e => e.OrganisationId).HasMaxLength(100);
        builder.Property(e => e.Title).HasMaxLength(200);
        builder.Property(e => e.Format).HasConversion(EnumText.Of<EventFormat>()).HasMaxLength(30);
        builder.Property(e => e.Venue).HasMaxLength(300);
        builder.Property(e => e.Languages).HasColumnType("text[]").Metadata.SetValueComparer(new ValueComparer<IReadOnlyList<string>>(
            (left, right) => left!.SequenceEqual(right!), values => values.Aggregate(0, HashCode.Combine), values => values.ToArray()));
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => new { e.TenantId, e.StartsAt });

        // Sessions are few and change with the event: a JSON column of the event row, under its row-level security.
        builder.OwnsMany(e => e.Sessions, session =>
        {
            session.ToJson("sessions");
            session.Property(s => s.Title).HasMaxLength(200);
        });
        builder.OwnsMany(e => e.Results, result =>
        {
            result.ToJson("results");
            result.PrimitiveCollection(r => r.Topics);
        });
        builder.OwnsMany(e => e.Feedback, feedback => feedback.ToJson("feedback"));
        builder.Navigation(e => e.Feedback).HasField("_feedback");
        builder.OwnsMany(e => e.Minutes, minutes =>
        {
            minutes.ToJson("minutes");
            minutes.OwnsMany(m => m.Items, item =>
            {
                item.OwnsMany(i => i.Actions, action => action.Ignore(a => a.IsOpen));
                item.Navigation(i => i.Actions).HasField("_actions");
            });
            minutes.Navigation(m => m.Items).HasField("_items");
        });
        builder.HasMany(e => e.Registrations).WithOne().HasForeignKey(registration => registration.EventId);
        builder.Navigation(e => e.Registrations).HasField("_registrations");
    }
}
