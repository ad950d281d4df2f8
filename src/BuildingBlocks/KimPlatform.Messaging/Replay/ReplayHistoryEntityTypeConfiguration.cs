using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Messaging.Replay;

/// <summary>Maps <see cref="ReplayHistoryEntry"/> to <c>replay_history</c>; a service that publishes events reporting consumes applies it.</summary>
public sealed class ReplayHistoryEntityTypeConfiguration : IEntityTypeConfiguration<ReplayHistoryEntry>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ReplayHistoryEntry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable(ReplayHistory.Table);
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Id).ValueGeneratedNever();
        builder.Property(entry => entry.Sequence).UseIdentityAlwaysColumn();
        builder.Property(entry => entry.TenantId).HasMaxLength(100);
        builder.Property(entry => entry.MessageType).HasMaxLength(200);
        builder.Property(entry => entry.Payload).HasColumnType("jsonb");
        builder.HasIndex(entry => new { entry.TenantId, entry.Sequence });
    }
}
