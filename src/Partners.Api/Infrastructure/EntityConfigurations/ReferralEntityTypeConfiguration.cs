using KimPlatform.Data;
using System.Text.Json;
using KimPlatform.Partners.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Partners.Api.Infrastructure.EntityConfigurations;

internal sealed class ReferralEntityTypeConfiguration : IEntityTypeConfiguration<Referral>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("referrals");
        builder.HasKey(referral => referral.Id);
        builder.Property(referral => referral.Id).ValueGeneratedNever();
        builder.Ignore(referral => referral.Events);
        builder.Property(referral => referral.TenantId).HasMaxLength(100);
        builder.Property(referral => referral.PartnerOrganisationId).HasMaxLength(100);
        builder.Property(referral => referral.ReferringOrganisationId).HasMaxLength(100);
        builder.Property(referral => referral.Municipality).HasMaxLength(100);
        builder.Property(referral => referral.DataCategories).HasColumnType("text[]").Metadata.SetValueComparer(EnumText.ListComparer<string>());
        builder.Property(referral => referral.Status).HasConversion(EnumText.Of<ReferralStatus>()).HasMaxLength(30);
        builder.Property(referral => referral.Redaction).HasConversion(EnumText.Of<ReferralRedaction>()).HasMaxLength(30);
        builder.Property(referral => referral.Version).IsConcurrencyToken();
        // The shared data is one document, written once on receipt and only ever replaced by null.
        builder.Property(referral => referral.Shared).HasColumnType("jsonb").HasConversion(
            shared => JsonSerializer.Serialize(shared, Json),
            json => JsonSerializer.Deserialize<ReferralSharedData>(json, Json));
        builder.HasIndex(referral => new { referral.TenantId, referral.PartnerOrganisationId, referral.Status });
        builder.HasIndex(referral => new { referral.TenantId, referral.CaseId });
        builder.HasIndex(referral => new { referral.TenantId, referral.ConsentId });
    }
}
