using KimPlatform.Cases.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Cases.Api.Infrastructure.EntityConfigurations;

internal sealed class AuditEntryEntityTypeConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable(CasesDbContext.AuditTable);
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Id).ValueGeneratedNever();
        builder.Property(entry => entry.TenantId).HasMaxLength(100);
        builder.Property(entry => entry.UserId).HasMaxLength(200);
        builder.Property(entry => entry.OrganisationId).HasMaxLength(100);
        builder.Property(entry => entry.Action).HasMaxLength(50);
        builder.Property(entry => entry.Fields).HasColumnType("text[]");
        builder.Property(entry => entry.Outcome).HasMaxLength(50);
        builder.HasIndex(entry => new { entry.TenantId, entry.CaseId, entry.At });
    }
}
