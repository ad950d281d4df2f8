using KimPlatform.Data;
using KimPlatform.Partners.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Partners.Api.Infrastructure.EntityConfigurations;

internal sealed class NetworkBodyEntityTypeConfiguration : IEntityTypeConfiguration<NetworkBody>
{
    public void Configure(EntityTypeBuilder<NetworkBody> builder)
    {
        builder.ToTable("network_bodies");
        builder.HasKey(body => body.Id);
        builder.Property(body => body.Id).ValueGeneratedNever();
        builder.Property(body => body.TenantId).HasMaxLength(100);
        builder.Property(body => body.Kind).HasConversion(EnumText.Of<BodyKind>()).HasMaxLength(30);
        builder.Property(body => body.Name).HasMaxLength(200);
        builder.Property(body => body.MeetingRhythm).HasMaxLength(200);
        builder.Property(body => body.Topics).HasColumnType("text[]").Metadata.SetValueComparer(EnumText.ListComparer<string>());
        builder.Property(body => body.Version).IsConcurrencyToken();
        builder.OwnsMany(body => body.Members, member => member.ToJson("members"));
        builder.HasIndex(body => new { body.TenantId, body.OpenForSignup });
    }
}
