using System.Diagnostics;

namespace KimPlatform.Testing;

/// <summary>
/// A RabbitMQ virtual host of its own on the test broker: its exchanges and queues are invisible to the running stack
/// and to other test hosts, and an outage made with <see cref="BlockAsync"/> reaches only its connections.
/// </summary>
public sealed class BrokerVirtualHost : IAsyncDisposable
{
    private BrokerVirtualHost(string name) => Name = name;

    public string Name { get; }

    /// <summary>The AMQP address of the virtual host, with the test broker's user.</summary>
    public string Address => new UriBuilder(TestEnvironment.RabbitMq) { Path = "/" + Uri.EscapeDataString(Name) }.Uri.ToString();

    public static async Task<BrokerVirtualHost> CreateAsync()
    {
        var virtualHost = new BrokerVirtualHost($"kim-test-{Guid.NewGuid():N}");
        await RabbitMqCtlAsync("add_vhost", virtualHost.Name);
        await RabbitMqCtlAsync("set_permissions", "-p", virtualHost.Name, virtualHost.User, ".*", ".*", ".*");
        return virtualHost;
    }

    /// <summary>Closes the virtual host's connections and refuses new ones until <see cref="UnblockAsync"/>.</summary>
    public async Task BlockAsync()
    {
        await RabbitMqCtlAsync("set_vhost_limits", "-p", Name, """{"max-connections": 0}""");
        await RabbitMqCtlAsync("close_all_connections", "-p", Name, "test: broker outage of this virtual host");
    }

    public Task UnblockAsync() => RabbitMqCtlAsync("clear_vhost_limits", "-p", Name);

    public async ValueTask DisposeAsync() => await RabbitMqCtlAsync("delete_vhost", Name);

    private string User => new Uri(TestEnvironment.RabbitMq).UserInfo.Split(':')[0];

    private static async Task RabbitMqCtlAsync(params string[] arguments)
    {
        var parts = TestEnvironment.RabbitMqCtl.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(parts[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in parts.Skip(1).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', arguments)} failed: {errors}{await output}");
        }
    }
}
