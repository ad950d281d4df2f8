using System.Text.Json;
using KimPlatform.Messaging.Tests.Support;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.Messaging.Tests;

/// <summary>The dispatcher of this host polls every 10 minutes, so within a test only a commit's wake-up starts a dispatch.</summary>
public sealed class OutboxWakeUpTests(NotifyOnlyMessagingHost host) : IClassFixture<NotifyOnlyMessagingHost>
{
    [Fact]
    public async Task Commit_WithPollingEffectivelyOff_WakesTheDispatcher()
    {
        var tenant = TestEnvironment.NewTenant();
        var first = MessagingHost.NewCaseOpened(tenant);
        var second = MessagingHost.NewCaseOpened(tenant);

        // The first event may go out with the dispatcher's start-up batch; after it the dispatcher waits for 10 minutes.
        await host.CommitEventsAsync(tenant, first);
        await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(first.CaseId)), ids => ids.Count > 0);
        await host.CommitEventsAsync(tenant, second);

        var delivered = await Eventually.GetAsync(
            () => Task.FromResult(host.Deliveries.MessageIdsForCase(second.CaseId)), ids => ids.Count > 0, TimeSpan.FromSeconds(30));
        Assert.Equal([second.EventId], delivered);
    }

    [Fact]
    public async Task RowLockedByAnotherDispatcher_IsSkipped_AndLaterRowsArePublishedMeanwhile()
    {
        var tenant = TestEnvironment.NewTenant();
        var later = MessagingHost.NewCaseOpened(tenant);
        var last = MessagingHost.NewCaseOpened(tenant);

        // A pending row that wakes no dispatcher, then held the way another replica's dispatch transaction holds it. The
        // wake-up is a broadcast to every dispatcher in the process, so another test's commit can send this one to the
        // outbox between the insert and the lock (CI saw it publish the row there); then the row is taken again, new.
        Contracts.CaseOpened locked;
        NpgsqlConnection otherDispatcher;
        NpgsqlTransaction transaction;
        for (var attempt = 1; ; attempt++)
        {
            locked = MessagingHost.NewCaseOpened(tenant);
            await host.InsertOutboxRowAsync(locked.EventId, nameof(Contracts.CaseOpened), Serialize(locked), tenant, notify: false);
            otherDispatcher = new NpgsqlConnection(host.OwnerConnectionString);
            await otherDispatcher.OpenAsync();
            transaction = await otherDispatcher.BeginTransactionAsync();
            await using var take = new NpgsqlCommand("SELECT dispatched_at IS NULL FROM outbox_messages WHERE id = @id FOR UPDATE", otherDispatcher, transaction);
            take.Parameters.AddWithValue("id", locked.EventId);
            if (await take.ExecuteScalarAsync() is true)
            {
                break;
            }

            await transaction.DisposeAsync();
            await otherDispatcher.DisposeAsync();
            Assert.True(attempt < 5, "five times a dispatcher published the row before it could be held");
        }

        await using var heldBy = otherDispatcher;
        await using var held = transaction;
        await host.CommitEventsAsync(tenant, later);

        var delivered = await Eventually.GetAsync(
            () => Task.FromResult(host.Deliveries.MessageIdsForCase(later.CaseId)), ids => ids.Count > 0, TimeSpan.FromSeconds(20));
        Assert.Equal([later.EventId], delivered);
        Assert.Empty(host.Deliveries.MessageIdsForCase(locked.CaseId));

        // The other dispatcher gives up; the next wake-up takes the row it held, once.
        await transaction.RollbackAsync();
        await host.CommitEventsAsync(tenant, last);
        Assert.Equal([locked.EventId], await Eventually.GetAsync(
            () => Task.FromResult(host.Deliveries.MessageIdsForCase(locked.CaseId)), ids => ids.Count > 0));
        await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(last.CaseId)), ids => ids.Count > 0);
        Assert.Equal([locked.EventId], host.Deliveries.MessageIdsForCase(locked.CaseId));
    }

    private static string Serialize(Contracts.CaseOpened opened) => JsonSerializer.Serialize(opened, IntegrationEventTypes.SerializerOptions);
}
