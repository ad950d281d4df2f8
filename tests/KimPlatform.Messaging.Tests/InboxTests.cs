using KimPlatform.Messaging.Tests.Support;
using KimPlatform.Testing;
using MassTransit;
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
}
