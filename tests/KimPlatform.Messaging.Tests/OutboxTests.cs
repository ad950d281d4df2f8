using KimPlatform.Messaging.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Messaging.Tests;

[Collection(BrokerCollection.Name)]
public sealed class OutboxTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    [Fact]
    public async Task Commit_StateAndEventTogether_EventReachesConsumerWithOutboxIdAsMessageId()
    {
        var tenant = TestEnvironment.NewTenant();
        var opened = MessagingHost.NewCaseOpened(tenant);

        await host.InScopeAsync(tenant, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { TenantId = tenant, CaseId = opened.CaseId, Source = "state" });
            db.AddIntegrationEvent(opened);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0 AND source = 'state'", opened.CaseId));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0", opened.EventId));

        var delivered = await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(opened.CaseId)), ids => ids.Count > 0);
        Assert.Equal([opened.EventId], delivered);
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0 AND source = 'consumer'", opened.CaseId));
        Assert.Equal(0, await Eventually.GetAsync(
            () => host.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0 AND dispatched_at IS NULL", opened.EventId),
            pending => pending == 0));
    }

    [Fact]
    public async Task Rollback_LeavesNoEvent_AndNothingIsPublished()
    {
        var tenant = TestEnvironment.NewTenant();
        var rolledBack = MessagingHost.NewCaseOpened(tenant);
        var committed = MessagingHost.NewCaseOpened(tenant);

        await host.InScopeAsync(tenant, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { TenantId = tenant, CaseId = rolledBack.CaseId, Source = "state" });
            db.AddIntegrationEvent(rolledBack);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        await host.InScopeAsync(tenant, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddIntegrationEvent(committed);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });

        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0", rolledBack.EventId));
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0", rolledBack.CaseId));

        // The outbox is dispatched in order, so once the later event has arrived the earlier one would have too.
        var delivered = await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(committed.CaseId)), ids => ids.Count > 0);
        Assert.Equal([committed.EventId], delivered);
        Assert.Empty(host.Deliveries.MessageIdsForCase(rolledBack.CaseId));
    }

    [Fact]
    public async Task BrokerStopped_EventsWaitInOutbox_AndAreDeliveredOnceItReturns()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = Enumerable.Range(0, 3).Select(_ => MessagingHost.NewCaseOpened(tenant)).ToArray();

        await RabbitMqNode.StopAsync();
        try
        {
            foreach (var opened in events)
            {
                await host.InScopeAsync(tenant, async db =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    db.AddIntegrationEvent(opened);
                    await db.SaveChangesAsync();
                    await transaction.CommitAsync();
                });
            }

            await Task.Delay(TimeSpan.FromSeconds(3)); // several dispatch attempts fail meanwhile
            Assert.Equal(3, await host.CountAsync(
                "SELECT count(*) FROM outbox_messages WHERE id = ANY(@p0) AND dispatched_at IS NULL", events.Select(e => e.EventId).ToArray()));
        }
        finally
        {
            await RabbitMqNode.StartAsync();
        }

        foreach (var opened in events)
        {
            var delivered = await Eventually.GetAsync(
                () => Task.FromResult(host.Deliveries.MessageIdsForCase(opened.CaseId)), ids => ids.Count > 0, TimeSpan.FromSeconds(120));
            Assert.Contains(opened.EventId, delivered);
            Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0", opened.CaseId));
        }
    }
}
