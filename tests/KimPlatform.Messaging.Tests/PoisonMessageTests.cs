using System.Text;
using KimPlatform.Messaging.Tests.Support;
using KimPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace KimPlatform.Messaging.Tests;

/// <summary>Messages that can never succeed as they are, and the operator's way back: <c>./kim requeue-errors</c>.</summary>
public sealed class PoisonMessageTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    [Fact]
    public async Task RequeueErrors_AfterFix_ParkedMessageIsConsumedOnce_UnparseableOneReturnsToErrorQueue()
    {
        var errorQueue = host.ConsumerQueue + "_error";
        var broken = MessagingHost.NewCaseOpened(TestEnvironment.NewTenant()) with
        {
            Municipality = NoteFromCaseOpenedConsumer.BrokenUntilFixedMunicipality,
        };
        var healthy = MessagingHost.NewCaseOpened(TestEnvironment.NewTenant());
        var bus = host.Services.GetRequiredService<IBus>();

        await SendRawAsync(host.ConsumerQueue, "{ \"messageId\": this is not JSON");
        await bus.Publish(broken, context => context.MessageId = broken.EventId);
        await bus.Publish(healthy, context => context.MessageId = healthy.EventId);

        Assert.Equal([healthy.EventId], await Eventually.GetAsync(
            () => Task.FromResult(host.Deliveries.MessageIdsForCase(healthy.CaseId)), ids => ids.Count > 0));
        Assert.Equal(2u, await Eventually.GetAsync(() => ErrorQueue.CountAsync(host.VirtualHost.Address, errorQueue), count => count >= 2));

        host.Deliveries.MarkFixed(broken.CaseId);
        var moved = await KimCommand.RunAsync("requeue-errors", "--management", TestEnvironment.RabbitMqManagement, "--vhost", host.VirtualHost.Name, host.ConsumerQueue);

        Assert.Equal("2", moved.Trim());
        Assert.Equal([broken.EventId], await Eventually.GetAsync(
            () => Task.FromResult(host.Deliveries.MessageIdsForCase(broken.CaseId)), ids => ids.Count > 0));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0", broken.CaseId));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", broken.EventId));
        // The unparseable message is still unparseable: it goes back to _error rather than being lost.
        Assert.Equal(1u, await Eventually.GetAsync(() => ErrorQueue.CountAsync(host.VirtualHost.Address, errorQueue), count => count == 1));
    }

    private async Task SendRawAsync(string queue, string body)
    {
        var factory = new ConnectionFactory { Uri = new Uri(host.VirtualHost.Address) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }
}
