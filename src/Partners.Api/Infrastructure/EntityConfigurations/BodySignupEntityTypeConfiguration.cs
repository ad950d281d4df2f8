using KimPlatform.Data;
using KimPlatform.Partners.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Partners.Api.Infrastructure.EntityConfigurations;

internal sealed class BodySignupEntityTypeConfiguration : IEntityTypeConfiguration<BodySignup>
{
    public void Configure(EntityTypeBuilder<BodySignup> builder)
    {
        builder.ToTable("body_signups");
        builder.HasKey(signup => signup.Id);
        builder.Property(signup => signup.Id).ValueGeneratedNever();
        builder.Property(signup => signup.TenantId).HasMaxLength(100);
        builder.Property(signup => signup.Name).HasMaxLength(200);
        builder.Property(signup => signup.Email).HasMaxLength(200);
        builder.Property(signup => signup.Organisation).HasMaxLength(200);
        builder.Property(signup => signup.Status).HasConversion(EnumText.Of<SignupStatus>()).HasMaxLength(30);
        // The same e-mail signs up for a body once (409 for the second time).
        builder.HasIndex(signup => new { signup.TenantId, signup.BodyId, signup.Email }).IsUnique();
        builder.HasIndex(signup => new { signup.TenantId, signup.Status, signup.SignedUpAt });
    }
}
