using KimPlatform.Messaging;
using KimPlatform.Messaging.Replay;
using KimPlatform.Partners.Api.Application.Replay;
using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure.EntityConfigurations;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Partners.Api.Infrastructure;

public sealed class PartnersDbContext(DbContextOptions<PartnersDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<NetworkBody> Bodies => Set<NetworkBody>();
    public DbSet<BodySignup> Signups => Set<BodySignup>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new ReplayHistoryEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new OrganisationEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new OfferEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ReferralEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new VolunteerEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new NetworkBodyEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new BodySignupEntityTypeConfiguration());
    }

    protected override KimPlatform.Contracts.IntegrationEvent? ForReplay(KimPlatform.Contracts.IntegrationEvent integrationEvent) => PartnerReplay.ForReplay(integrationEvent);
}
