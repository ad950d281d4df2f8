using KimPlatform.Contracts;
using KimPlatform.Messaging.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Messaging.Tests;

public sealed class OutboxSharingTests(SmallBatchMessagingHost host) : IClassFixture<SmallBatchMessagingHost>
{
    private const string Published = "kim.outbox.published";

    [Fact]
    public async Task TwoDispatchers_ShareTheOutbox_AndPublishEachEventOnce()
    {
        var replica = await host.StartReplicaAsync();
        try
        {
            var tenant = TestEnvironment.NewTenant();
            var events = Enumerable.Range(0, 200).Select(_ => MessagingHost.NewCaseOpened(tenant)).ToArray();
            var (primaryBefore, replicaBefore) = (host.OutboxCounters[Published], replica.OutboxCounters[Published]);

            await host.CommitEventsAsync(tenant, events.Cast<IntegrationEvent>().ToArray());

            await Eventually.GetAsync(
                () => Task.FromResult(events.Count(opened => host.Deliveries.MessageIdsForCase(opened.CaseId).Count > 0)), count => count == events.Length);
            var byPrimary = host.OutboxCounters[Published] - primaryBefore;
            var byReplica = replica.OutboxCounters[Published] - replicaBefore;
            Assert.All(events, opened => Assert.Equal([opened.EventId], host.Deliveries.MessageIdsForCase(opened.CaseId)));
            Assert.Equal(events.Length, byPrimary + byReplica);
            Assert.True(byPrimary > 0 && byReplica > 0, $"primary published {byPrimary}, replica {byReplica}");
        }
        finally
        {
            await replica.DisposeAsync();
        }
    }
}
