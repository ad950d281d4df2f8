using KimPlatform.Messaging.Tests.Support;
using KimPlatform.Messaging.Outbox;
using KimPlatform.Testing;
using Microsoft.Extensions.Logging;

namespace KimPlatform.Messaging.Tests;

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
        await host.CommitEventsAsync(tenant, committed);

        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0", rolledBack.EventId));
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0", rolledBack.CaseId));

        // The outbox is dispatched in order, so once the later event has arrived the earlier one would have too.
        var delivered = await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(committed.CaseId)), ids => ids.Count > 0);
        Assert.Equal([committed.EventId], delivered);
        Assert.Empty(host.Deliveries.MessageIdsForCase(rolledBack.CaseId));
    }

    [Fact]
    public async Task BrokerUnreachable_EventsWaitInOutboxWhileDispatchAttemptsFail_AndAreDeliveredOnceItReturns()
    {
        var tenant = TestEnvironment.NewTenant();
        var events = Enumerable.Range(0, 3).Select(_ => MessagingHost.NewCaseOpened(tenant)).ToArray();
        var failedBefore = host.OutboxCounters["kim.outbox.dispatch_failures"];

        // Reaches only this host's virtual host: the running stack and the other test hosts keep their broker.
        await host.VirtualHost.BlockAsync();
        try
        {
            foreach (var opened in events)
            {
                await host.CommitEventsAsync(tenant, opened);
            }

            var failed = await Eventually.GetAsync(
                () => Task.FromResult(host.OutboxCounters["kim.outbox.dispatch_failures"]), total => total >= failedBefore + 2);
            Assert.True(failed >= failedBefore + 2, $"{failed - failedBefore} dispatch attempts failed while the broker was unreachable.");
            Assert.Equal(3, await host.CountAsync(
                "SELECT count(*) FROM outbox_messages WHERE id = ANY(@p0) AND dispatched_at IS NULL", events.Select(e => e.EventId).ToArray()));
            Assert.All(events, opened => Assert.Empty(host.Deliveries.MessageIdsForCase(opened.CaseId)));
        }
        finally
        {
            await host.VirtualHost.UnblockAsync();
        }

        foreach (var opened in events)
        {
            var delivered = await Eventually.GetAsync(
                () => Task.FromResult(host.Deliveries.MessageIdsForCase(opened.CaseId)), ids => ids.Count > 0, TimeSpan.FromSeconds(120));
            Assert.Equal([opened.EventId], delivered);
            Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0", opened.CaseId));
        }
    }

    [Fact]
    public async Task PoisonOutboxRows_AreQuarantined_AndLaterEventsStillFlow()
    {
        var tenant = TestEnvironment.NewTenant();
        var unknownType = Guid.CreateVersion7();
        var badPayload = Guid.CreateVersion7();
        var later = MessagingHost.NewCaseOpened(tenant);
        var quarantinedBefore = host.OutboxCounters["kim.outbox.quarantined"];

        await host.InsertOutboxRowAsync(unknownType, "NoSuchEvent", """{"caseId": "0193a3c1-7d2e-7b5a-9c1f-2e4d6a8b0c11"}""", tenant);
        await host.InsertOutboxRowAsync(badPayload, "CaseOpened", """{"caseId": "not-a-guid"}""", tenant);
        await host.CommitEventsAsync(tenant, later);

        var delivered = await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(later.CaseId)), ids => ids.Count > 0);
        Assert.Equal([later.EventId], delivered);
        Assert.Equal(1, await host.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE id = @p0 AND failed_at IS NOT NULL AND dispatched_at IS NULL AND error LIKE '%NoSuchEvent%'", unknownType));
        Assert.Equal(1, await host.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE id = @p0 AND failed_at IS NOT NULL AND dispatched_at IS NULL AND error LIKE '%no CaseOpened%'", badPayload));
        Assert.Equal(quarantinedBefore + 2, host.OutboxCounters["kim.outbox.quarantined"]);
        var alerts = host.Logs.Entries.Where(entry => entry.Level == LogLevel.Error && entry.Category == typeof(OutboxDispatcher).FullName).ToArray();
        Assert.Contains(alerts, entry => entry.Message.Contains(unknownType.ToString(), StringComparison.Ordinal));
        Assert.Contains(alerts, entry => entry.Message.Contains(badPayload.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cleanup_DeletesEventsDispatchedBeforeTheRetention_AndKeepsNewerAndQuarantinedRows()
    {
        var tenant = TestEnvironment.NewTenant();
        var (expired, recent, quarantined) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        // The dispatcher also cleans up once at start-up. Two events dispatched one after the other prove that pass is
        // over, so only the repeated clean-up (every second in this host; retention the default 7 days) can remove rows.
        foreach (var warmUp in new[] { MessagingHost.NewCaseOpened(tenant), MessagingHost.NewCaseOpened(tenant) })
        {
            await host.CommitEventsAsync(tenant, warmUp);
            await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(warmUp.CaseId)), ids => ids.Count > 0);
        }

        await host.InsertOutboxRowAsync(expired, "CaseOpened", "{}", tenant, "dispatched_at = now() - interval '8 days'");
        await host.InsertOutboxRowAsync(recent, "CaseOpened", "{}", tenant, "dispatched_at = now() - interval '6 days'");
        await host.InsertOutboxRowAsync(quarantined, "NoSuchEvent", "{}", tenant, "failed_at = now() - interval '30 days', error = 'old'");

        Assert.Equal(0, await Eventually.GetAsync(() => host.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0", expired), count => count == 0));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0", recent));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0 AND error = 'old'", quarantined));
    }
}
