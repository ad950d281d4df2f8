using System.Diagnostics;

namespace KimPlatform.Testing;

/// <summary>Stops and starts the test broker (the RabbitMQ application; the Erlang node stays up).</summary>
public static class RabbitMqNode
{
    public static Task StopAsync() => RunAsync("stop_app");

    public static Task StartAsync() => RunAsync("start_app");

    private static async Task RunAsync(string action)
    {
        var parts = TestEnvironment.RabbitMqCtl.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(parts[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in parts.Skip(1).Append(action))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("rabbitmqctl did not start.");
        var output = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {action} failed: {output}");
        }
    }
}
