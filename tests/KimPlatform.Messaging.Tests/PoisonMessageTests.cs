using System.Diagnostics;
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
        var moved = await KimAsync("requeue-errors", "--management", TestEnvironment.RabbitMqManagement, "--vhost", host.VirtualHost.Name, host.ConsumerQueue);

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

    private static async Task<string> KimAsync(params string[] arguments)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "kim")))
        {
            root = root.Parent;
        }

        var start = new ProcessStartInfo(Path.Combine(root?.FullName ?? throw new InvalidOperationException("kim not found above the test output."), "kim"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kim did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"./kim {string.Join(' ', arguments)} failed: {errors}");
        return await output;
    }
}
