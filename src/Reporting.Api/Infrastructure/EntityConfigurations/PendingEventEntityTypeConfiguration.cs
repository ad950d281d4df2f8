using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;

internal sealed class PendingEventEntityTypeConfiguration : IEntityTypeConfiguration<PendingEvent>
{
    public void Configure(EntityTypeBuilder<PendingEvent> builder)
    {
        builder.ToTable("pending_events");
        builder.HasKey(pending => pending.Id);
        builder.Property(pending => pending.Id).ValueGeneratedNever();
        builder.Property(pending => pending.TenantId).HasMaxLength(100);
        builder.Property(pending => pending.MessageType).HasMaxLength(100);
        builder.Property(pending => pending.Payload).HasColumnType("jsonb");
        builder.HasIndex(pending => new { pending.Key, pending.Version });
    }
}
