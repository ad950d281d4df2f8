using KimPlatform.Messaging;
using KimPlatform.Reporting.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.Infrastructure;

public sealed class ReportingDbContext(DbContextOptions<ReportingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<DayHistogram> DayHistograms => Set<DayHistogram>();
    public DbSet<CounterVersion> CounterVersions => Set<CounterVersion>();
    public DbSet<CaseState> CaseStates => Set<CaseState>();
    public DbSet<GoalState> GoalStates => Set<GoalState>();
    public DbSet<PendingEvent> PendingEvents => Set<PendingEvent>();
    public DbSet<ErasedKey> ErasedKeys => Set<ErasedKey>();
    public DbSet<ReferralState> ReferralStates => Set<ReferralState>();
    public DbSet<OfferTopics> OfferTopics => Set<OfferTopics>();
    public DbSet<NetworkEventState> NetworkEvents => Set<NetworkEventState>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReportingDbContext).Assembly);
    }
}
