using KimPlatform.Cases.Api.Retention;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Cases.Api.Tests;

/// <summary>
/// A retention pass reaches every tenant of its database, so these tests have a database of their own
/// (<see cref="RetentionCollection"/>): no other test's case can be erased by them, and the tests of one collection
/// run one after another, so one pass never overlaps another test's cases being set up.
/// </summary>
[Collection(RetentionCollection.Name)]
public sealed class RetentionTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task Retention_AnonymisesCasesClosedLongerThanTheTenantsPeriod_EverywhereInTheDatabase_AndNoOthers()
    {
        await using var tap = await BrokerTap.StartAsync("CaseErased");
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var closed = await EnteredCase.EnterEverythingAsync(session);
        await session.ChangeOkAsync(closed.Id, "/monitoring");
        await session.ChangeOkAsync(closed.Id, "/close", Bodies.Close);
        var open = await session.OpenInPhaseAsync("monitoring");
        var job = factory.Services.GetRequiredService<CaseRetentionJob>();

        await job.RunOnceAsync(DateTimeOffset.UtcNow.AddMonths(35), CancellationToken.None);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM cases WHERE tenant_id = @p0 AND erased_at IS NOT NULL", _tenant));

        await job.RunOnceAsync(DateTimeOffset.UtcNow.AddMonths(37), CancellationToken.None);

        await EnteredCase.AssertRowErasedAsync(factory, closed.Id);
        Assert.Empty(await closed.FindPersonalDataAsync(factory.OwnerConnectionString));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM cases WHERE id = @p0 AND person IS NOT NULL", open));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE case_id = @p0 AND action = 'erase' AND user_id = 'system:retention'", closed.Id));
        var erased = await Eventually.GetAsync(() => Task.FromResult(tap.Messages), m => m.Any(e => e.GetProperty("caseId").GetGuid() == closed.Id));
        Assert.Equal("retention", erased.Single(e => e.GetProperty("caseId").GetGuid() == closed.Id).GetProperty("cause").GetString());
    }

    [Fact]
    public async Task Retention_TenantOverride_AppliesToThatTenantOnly()
    {
        var otherTenant = TestEnvironment.NewTenant();
        await using var host = factory.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"Retention:Tenants:{_tenant}:Months"] = "12" })));
        var shortened = await new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager")).OpenInPhaseAsync("closed");
        var standard = await new CaseSession(factory.ClientFor(otherTenant, "caritas-guetersloh", "case_manager")).OpenInPhaseAsync("closed");
        var job = host.Services.GetRequiredService<CaseRetentionJob>();

        await job.RunOnceAsync(DateTimeOffset.UtcNow.AddMonths(11), CancellationToken.None);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM cases WHERE id = ANY(@p0) AND erased_at IS NOT NULL", new[] { shortened, standard }));

        await job.RunOnceAsync(DateTimeOffset.UtcNow.AddMonths(13), CancellationToken.None);

        await EnteredCase.AssertRowErasedAsync(factory, shortened);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM cases WHERE id = @p0 AND erased_at IS NULL AND person IS NOT NULL", standard));
    }
}

/// <summary>The retention tests' own database and host.</summary>
[CollectionDefinition(Name)]
public sealed class RetentionCollection : ICollectionFixture<CasesApiFactory>
{
    public const string Name = "cases-retention";
}
