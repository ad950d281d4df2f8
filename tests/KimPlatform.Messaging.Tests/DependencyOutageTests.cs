using KimPlatform.Messaging.Tests.Support;
using KimPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Messaging.Tests;

/// <summary>A consumer whose database is down when a message arrives. The class has a host and database of its own.</summary>
public sealed class DependencyOutageTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    // Longer than the quick retries (200 ms, 1 s, 5 s) that once sent such a message to _error.
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Consume_DatabaseUnavailableFor20Seconds_IsAppliedOnceAfterwards_AndErrorQueueStaysEmpty()
    {
        var opened = MessagingHost.NewCaseOpened(TestEnvironment.NewTenant());

        await using (await DatabaseOutage.BeginAsync(host.OwnerConnectionString))
        {
            await host.Services.GetRequiredService<IBus>().Publish(opened, context => context.MessageId = opened.EventId);
            // The outage itself is the fault injected, so it lasts a fixed time.
            await Task.Delay(Outage, TestContext.Current.CancellationToken);
            Assert.Empty(host.Deliveries.MessageIdsForCase(opened.CaseId));
        }

        var delivered = await Eventually.GetAsync(
            () => Task.FromResult(host.Deliveries.MessageIdsForCase(opened.CaseId)), ids => ids.Count > 0, TimeSpan.FromSeconds(45));
        Assert.Equal([opened.EventId], delivered);
        Assert.Empty(host.Deliveries.FaultsForCase(opened.CaseId));
        Assert.Empty(await ErrorQueue.MessageIdsAsync(host.VirtualHost.Address, host.ConsumerQueue + "_error"));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0", opened.CaseId));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", opened.EventId));
    }
}
