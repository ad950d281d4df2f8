using KimPlatform.Data;
using KimPlatform.Cases.Api.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KimPlatform.Cases.Api.Infrastructure.EntityConfigurations;

internal sealed class CaseEntityTypeConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(@case => @case.Id);
        builder.Property(@case => @case.Id).ValueGeneratedNever();
        builder.Ignore(@case => @case.Events);
        builder.Property(@case => @case.TenantId).HasMaxLength(100);
        builder.Property(@case => @case.OrganisationId).HasMaxLength(100);
        builder.Property(@case => @case.Phase).HasConversion(EnumText.Of<CasePhase>()).HasMaxLength(30);
        builder.Property(@case => @case.Version).IsConcurrencyToken();
        builder.Property(@case => @case.FoldedName).HasMaxLength(250);
        builder.Property(@case => @case.NameKeys).HasColumnType("text[]")
            .Metadata.SetValueComparer(EnumText.ListComparer<string>());
        builder.Property(@case => @case.Municipality).HasMaxLength(100);
        builder.Property(@case => @case.AgeBand).HasMaxLength(10);
        builder.Property(@case => @case.ResidenceStatus).HasConversion(EnumText.Of<ResidenceStatus>()).HasMaxLength(30);
        builder.Property(@case => @case.Reachability).HasConversion(EnumText.Of<Reachability>()).HasMaxLength(30);
        builder.Property(@case => @case.TargetGroups).HasConversion(EnumText.ListOf<TargetGroup>(), EnumText.ListComparer<TargetGroup>())
            .HasColumnType("text[]");
        builder.Property(@case => @case.AssignedCaseManagerId).HasMaxLength(200);
        builder.Property(@case => @case.CloseReason).HasConversion(EnumText.Of<CloseReason>()).HasMaxLength(30);
        builder.Property(@case => @case.CloseOutcome).HasConversion(EnumText.Of<CloseOutcome>()).HasMaxLength(30);

        // The person and the case's parts live in JSON columns of the case row: one row to erase, no child tables
        // that each need their own row-level security.
        builder.OwnsOne(@case => @case.Person, person =>
        {
            person.ToJson("person");
            person.Property(p => p.Gender).HasConversion(EnumText.Of<Gender>());
            person.Property(p => p.ResidenceStatus).HasConversion(EnumText.Of<ResidenceStatus>());
            person.Ignore(p => p.NameKeys);
            person.Ignore(p => p.FoldedName);
            person.OwnsMany(p => p.Household, member => member.Property(m => m.Relation).HasConversion(EnumText.Of<HouseholdRelation>()));
        });
        builder.OwnsMany(@case => @case.Needs, need =>
        {
            need.ToJson("needs");
            need.Property(n => n.LifeArea).HasConversion(EnumText.Of<LifeArea>());
        });
        builder.OwnsMany(@case => @case.Goals, goal =>
        {
            goal.ToJson("goals");
            goal.Property(g => g.LifeArea).HasConversion(EnumText.Of<LifeArea>());
            goal.Property(g => g.Status).HasConversion(EnumText.Of<GoalStatus>());
            goal.OwnsMany(g => g.Progress, progress => progress.Property(p => p.Status).HasConversion(EnumText.Of<GoalStatus>()));
        });
        builder.OwnsMany(@case => @case.Contacts, contact =>
        {
            contact.ToJson("contacts");
            contact.Property(c => c.Channel).HasConversion(EnumText.Of<ContactChannel>());
        });
        builder.OwnsMany(@case => @case.Consents, consent =>
        {
            consent.ToJson("consents");
            consent.Property(c => c.Form).HasConversion(EnumText.Of<ConsentForm>());
            consent.PrimitiveCollection(c => c.DataCategories).ElementType(element => element.HasConversion(EnumText.Of<DataCategory>()));
            consent.OwnsMany(c => c.Recipients, recipient =>
                recipient.Property(r => r.OrganisationKind).HasConversion(EnumText.Of<OrganisationKind>()));
        });
        builder.OwnsMany(@case => @case.Referrals, referral =>
        {
            referral.ToJson("referrals");
            referral.Property(r => r.Status).HasConversion(EnumText.Of<ReferralStatus>());
        });
        builder.OwnsMany(@case => @case.Findings, finding =>
        {
            finding.ToJson("findings");
            finding.Property(f => f.LifeArea).HasConversion(EnumText.Of<LifeArea>());
        });

        builder.HasIndex(@case => new { @case.TenantId, @case.OrganisationId, @case.Phase });
        builder.HasIndex(@case => new { @case.TenantId, @case.BirthDate });
    }
}
