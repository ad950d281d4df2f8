using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;

internal sealed class NetworkEventStateEntityTypeConfiguration : IEntityTypeConfiguration<NetworkEventState>
{
    public void Configure(EntityTypeBuilder<NetworkEventState> builder)
    {
        builder.ToTable("network_events");
        builder.HasKey(networkEvent => networkEvent.Id);
        builder.Property(networkEvent => networkEvent.Id).ValueGeneratedNever();
        builder.Property(networkEvent => networkEvent.TenantId).HasMaxLength(100);
        builder.Property(networkEvent => networkEvent.Format).HasMaxLength(50);
    }
}
