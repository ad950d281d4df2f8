using KimPlatform.Messaging.Tests.Support;
using KimPlatform.Testing;
using MassTransit;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Messaging.Tests;

public sealed class InboxTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    // MessagingExtensions retries after 200 ms, 1 s and 5 s before a message goes to its _error queue.
    private const int AttemptsBeforeErrorQueue = 4;

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
    public async Task ConsumerUnderTenant_CannotWriteAnotherTenantsRows_RowLevelSecurityRefusesWith42501()
    {
        var tenant = TestEnvironment.NewTenant();
        var other = TestEnvironment.NewTenant();
        var opened = MessagingHost.NewCaseOpened(tenant) with { OrganisationId = NoteFromCaseOpenedConsumer.NoteForTenantPrefix + other };

        await host.Services.GetRequiredService<IBus>().Publish(opened, context => context.MessageId = opened.EventId);

        var faults = await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.FaultsForCase(opened.CaseId)), found => found.Count > 0);
        var refusal = FindPostgresException(faults[0]);
        Assert.NotNull(refusal);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refusal.SqlState);
        // PostgreSQL names a permissive policy only through its table; the catalogue shows which policy that is.
        Assert.Equal("new row violates row-level security policy for table \"notes\"", refusal.MessageText);
        Assert.Equal(1, await host.CountAsync(
            "SELECT count(*) FROM pg_policies WHERE tablename = 'notes' AND policyname = 'tenant_isolation' AND with_check IS NOT NULL"));
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0", opened.CaseId));
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", opened.EventId));
    }

    [Fact]
    public async Task PoisonMessage_IsRetriedThreeTimesThenMovedToErrorQueue_AndDoesNotBlockLaterMessages()
    {
        var poison = MessagingHost.NewCaseOpened(TestEnvironment.NewTenant()) with { Municipality = NoteFromCaseOpenedConsumer.PoisonMunicipality };
        var healthy = MessagingHost.NewCaseOpened(TestEnvironment.NewTenant());
        var bus = host.Services.GetRequiredService<IBus>();

        await bus.Publish(poison, context => context.MessageId = poison.EventId);
        await bus.Publish(healthy, context => context.MessageId = healthy.EventId);

        var delivered = await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(healthy.CaseId)), ids => ids.Count > 0);
        Assert.Equal([healthy.EventId], delivered);

        // The queue is this fixture's, so it may also hold the other tests' refused messages.
        var faulted = await Eventually.GetAsync(() => ErrorQueue.MessageIdsAsync(host.VirtualHost.Address, host.ConsumerQueue + "_error"), ids => ids.Contains(poison.EventId));
        Assert.Single(faulted, poison.EventId);
        Assert.DoesNotContain(healthy.EventId, faulted);
        Assert.Equal(AttemptsBeforeErrorQueue, host.Deliveries.AttemptsForCase(poison.CaseId));
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0", poison.CaseId));
        Assert.Equal(0, await host.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", poison.EventId));
    }

    private static PostgresException? FindPostgresException(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }
}
