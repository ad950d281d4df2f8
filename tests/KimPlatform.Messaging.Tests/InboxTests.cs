using KimPlatform.Messaging.Tests.Support;
using KimPlatform.Testing;
using System.Text.Json;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Messaging.Tests;

[Collection(BrokerCollection.Name)]
public sealed class InboxTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    [Fact]
    public async Task SameMessageDeliveredTwice_IsAppliedOnce()
    {
        var opened = MessagingHost.NewCaseOpened(TestEnvironment.NewTenant());
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(opened, context => context.MessageId = opened.EventId);
        await bus.Publish(opened, context => context.MessageId = opened.EventId);

        var delivered = await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(opened.CaseId)), ids => ids.Count >= 2);
        Assert.Equal([opened.EventId, opened.EventId], delivered);
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0", opened.CaseId));
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", opened.EventId));
    }

    [Fact]
    public async Task ConsumerUnderTenant_CannotWriteAnotherTenantsRows()
    {
        var tenant = TestEnvironment.NewTenant();
        var other = TestEnvironment.NewTenant();

        var exception = await Record.ExceptionAsync(() => host.InScopeAsync(tenant, async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { TenantId = other, CaseId = Guid.NewGuid(), Source = "state" });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }));

        Assert.NotNull(exception); // the row-level security policy's WITH CHECK rejects the insert
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM notes WHERE tenant_id = @p0", other));
    }

    [Fact]
    public async Task PoisonMessage_IsRetriedThenMovedToErrorQueue_AndDoesNotBlockLaterMessages()
    {
        var poison = MessagingHost.NewCaseOpened(TestEnvironment.NewTenant()) with { Municipality = NoteFromCaseOpenedConsumer.PoisonMunicipality };
        var healthy = MessagingHost.NewCaseOpened(TestEnvironment.NewTenant());
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(poison, context => context.MessageId = poison.EventId);
        await bus.Publish(healthy, context => context.MessageId = healthy.EventId);

        var delivered = await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(healthy.CaseId)), ids => ids.Count > 0);
        Assert.Equal([healthy.EventId], delivered);

        var faulted = await Eventually.GetAsync(() => ErrorQueueMessageIdsAsync(host.ConsumerQueue + "_error"), ids => ids.Count > 0);
        Assert.Equal([poison.EventId], faulted);
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0", poison.CaseId));
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", poison.EventId));
    }

    private static async Task<List<Guid>> ErrorQueueMessageIdsAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestEnvironment.RabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ids = new List<Guid>();
        try
        {
            while (await channel.BasicGetAsync(queue, autoAck: false) is { } message)
            {
                using var envelope = JsonDocument.Parse(message.Body);
                ids.Add(envelope.RootElement.GetProperty("messageId").GetGuid());
            }
        }
        catch (OperationInterruptedException)
        {
            // The error queue is declared only when the first message faults.
        }

        return ids;
    }
}
