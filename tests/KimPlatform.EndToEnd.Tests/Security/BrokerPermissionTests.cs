using System.Text;
using KimPlatform.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>
/// Each service of the running stack has a broker user of its own (kim creates them): it may read only the events its
/// consumers take and publish only the events it owns, and it cannot claim another user's name on a message.
/// </summary>
public sealed class BrokerPermissionTests
{
    private const ushort AccessRefused = 403;

    [Fact]
    public async Task EventsUser_BindsAQueueToReferralRequested_IsRefused()
    {
        await using var connection = await ConnectAsync("EVENTS");
        await using var channel = await connection.CreateChannelAsync();
        var queue = $"events-snoop-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);

        var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(
            () => channel.QueueBindAsync(queue, "KimPlatform.Contracts:ReferralRequested", routingKey: ""));

        Assert.Equal(AccessRefused, refused.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public async Task PartnersUser_BindsItsOwnQueueToReferralRequested_IsAllowed()
    {
        await using var connection = await ConnectAsync("PARTNERS");
        await using var channel = await connection.CreateChannelAsync();
        var queue = $"partners-probe-{Guid.NewGuid():N}";
        await channel.QueueDeclareAsync(queue, durable: false, exclusive: true, autoDelete: true);

        await channel.QueueBindAsync(queue, "KimPlatform.Contracts:ReferralRequested", routingKey: "");
    }

    [Theory]
    [InlineData("EVENTS", "ReferralAccepted", null)]
    [InlineData("CASES", "ReferralAccepted", null)]
    [InlineData("REPORTING", "CaseOpened", null)]
    [InlineData("CASES", "CaseOpened", "partners")]
    public async Task User_PublishesATypeItDoesNotOwnOrUnderAnotherName_IsRefused(string user, string type, string? claimedUserId)
    {
        await using var connection = await ConnectAsync(user);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { UserId = claimedUserId, ContentType = "application/vnd.masstransit+json" };

        var refused = await Assert.ThrowsAnyAsync<Exception>(async () =>
            await channel.BasicPublishAsync($"KimPlatform.Contracts:{type}", "", mandatory: false, properties, Encoding.UTF8.GetBytes("{}")));

        Assert.True(refused is OperationInterruptedException or AlreadyClosedException or PublishException, refused.ToString());
        Assert.False(channel.IsOpen);
        Assert.Contains(channel.CloseReason!.ReplyCode, new ushort[] { AccessRefused, 406 });
    }

    private static Task<IConnection> ConnectAsync(string user)
    {
        var variable = $"KIM_TEST_RABBITMQ_{user}";
        var address = Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: the broker users exist in the stack that `./kim test` starts.");
        return new ConnectionFactory { Uri = new Uri(address) }.CreateConnectionAsync();
    }
}
