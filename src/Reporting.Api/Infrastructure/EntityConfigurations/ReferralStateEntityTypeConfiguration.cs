using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Reporting.Api.Infrastructure.EntityConfigurations;

internal sealed class ReferralStateEntityTypeConfiguration : IEntityTypeConfiguration<ReferralState>
{
    public void Configure(EntityTypeBuilder<ReferralState> builder)
    {
        builder.ToTable("referral_states");
        builder.HasKey(referral => referral.Key);
        builder.Property(referral => referral.Key).ValueGeneratedNever();
        builder.Property(referral => referral.TenantId).HasMaxLength(100);
        builder.Property(referral => referral.Municipality).HasMaxLength(100);
        builder.Property(referral => referral.PartnerOrganisationId).HasMaxLength(100);
        builder.Property(referral => referral.Topics).HasColumnType("text[]");
        builder.Property(referral => referral.Status).HasMaxLength(30);
    }
}
