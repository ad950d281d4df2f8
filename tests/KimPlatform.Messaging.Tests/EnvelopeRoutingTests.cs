using KimPlatform.Messaging.Tests.Support;
using KimPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace KimPlatform.Messaging.Tests;

/// <summary>The envelope lives in one base record; routing must still be by the concrete contract type only.</summary>
public sealed class EnvelopeRoutingTests(MessagingHost host) : IClassFixture<MessagingHost>
{
    [Fact]
    public async Task ConcreteEvent_IsRoutedByItsOwnType_AndCarriesTheEnvelopeFields()
    {
        await using var tap = await BrokerTap.StartAsync("CaseOpened", host.VirtualHost.Address);
        var opened = MessagingHost.NewCaseOpened(TestEnvironment.NewTenant()) with { Version = 3 };

        await host.Services.GetRequiredService<IBus>().Publish(opened, context => context.MessageId = opened.EventId);

        // The service's inbox consumer got it through its queue …
        await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(opened.CaseId)), ids => ids.Count == 1);
        Assert.Equal(1, await host.CountAsync("SELECT count(*) FROM notes WHERE case_id = @p0", opened.CaseId));

        // … and any subscriber of the type's exchange reads the envelope fields from the base record.
        var seen = await Eventually.GetAsync(
            () => Task.FromResult(tap.Messages.Where(m => m.GetProperty("caseId").GetGuid() == opened.CaseId).ToList()),
            messages => messages.Count == 1);
        Assert.Equal(opened.EventId, seen[0].GetProperty("eventId").GetGuid());
        Assert.Equal(opened.TenantId, seen[0].GetProperty("tenantId").GetString());
        Assert.Equal(3, seen[0].GetProperty("version").GetInt64());
        Assert.Equal(opened.OccurredAt, seen[0].GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("IntegrationEvent")]
    [InlineData("AggregateEvent")]
    public async Task EnvelopeBaseTypes_GetNoExchange(string baseType)
    {
        // A publish creates the exchanges of the message's type hierarchy, unless a type is excluded.
        var opened = MessagingHost.NewCaseOpened(TestEnvironment.NewTenant());
        await host.Services.GetRequiredService<IBus>().Publish(opened, context => context.MessageId = opened.EventId);
        await Eventually.GetAsync(() => Task.FromResult(host.Deliveries.MessageIdsForCase(opened.CaseId)), ids => ids.Count == 1);

        await using var connection = await new ConnectionFactory { Uri = new Uri(host.VirtualHost.Address) }.CreateConnectionAsync();
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclarePassiveAsync("KimPlatform.Contracts:CaseOpened");
        }

        await using var probe = await connection.CreateChannelAsync();
        var missing = await Assert.ThrowsAsync<OperationInterruptedException>(
            () => probe.ExchangeDeclarePassiveAsync($"KimPlatform.Contracts:{baseType}"));
        Assert.Equal((ushort)404, missing.ShutdownReason?.ReplyCode);
    }
}
