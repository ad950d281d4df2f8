using KimPlatform.Cases.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Cases.Api.Infrastructure.EntityConfigurations;

internal sealed class CaseEntityTypeConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(@case => @case.Id);
        builder.Property(@case => @case.Id).ValueGeneratedNever();
        builder.Property(@case => @case.TenantId).HasMaxLength(100);
        builder.Property(@case => @case.OrganisationId).HasMaxLength(100);
        builder.Property(@case => @case.Phase).HasConversion(EnumText<CasePhase>()).HasMaxLength(30);
        builder.Property(@case => @case.Version).IsConcurrencyToken();
        builder.Property(@case => @case.Reachability).HasConversion(EnumText<Reachability>()).HasMaxLength(30);
        builder.Property(@case => @case.AssignedCaseManagerId).HasMaxLength(200);
        builder.Property(@case => @case.TargetGroups)
            .HasConversion(
                groups => groups.Select(ContractValue.Of).ToArray(),
                values => values.Select(ContractValue.Parse<TargetGroup>).ToArray(),
                new ValueComparer<IReadOnlyList<TargetGroup>>(
                    (left, right) => left!.SequenceEqual(right!),
                    groups => groups.Aggregate(0, (hash, group) => HashCode.Combine(hash, group)),
                    groups => groups.ToArray()))
            .HasColumnType("text[]");

        builder.OwnsOne(@case => @case.Person, person =>
        {
            person.Property(p => p.GivenName).HasMaxLength(100);
            person.Property(p => p.FamilyName).HasMaxLength(100);
            person.Property(p => p.Gender).HasConversion(EnumText<Gender>()).HasMaxLength(30);
            person.Property(p => p.Nationality).HasMaxLength(100);
            person.Property(p => p.Languages).HasColumnType("text[]");
            person.Property(p => p.ResidenceStatus).HasConversion(EnumText<ResidenceStatus>()).HasMaxLength(30);
            person.Property(p => p.Municipality).HasMaxLength(100);
        });
        builder.Navigation(@case => @case.Person).IsRequired();

        builder.HasIndex(@case => new { @case.TenantId, @case.OrganisationId, @case.Phase });
    }

    private static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<TEnum, string> EnumText<TEnum>()
        where TEnum : struct, Enum => new(value => ContractValue.Of(value), text => ContractValue.Parse<TEnum>(text));
}
