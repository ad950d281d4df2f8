using System.Diagnostics;
using System.Globalization;
using KimPlatform.EndToEnd.Tests.Support;

namespace KimPlatform.EndToEnd.Tests.Replicas;

/// <summary>
/// A second process of every API service next to the running test stack (against the same databases and queues), and
/// a second gateway over both replicas, started with <c>./kim replicas start</c> the way <c>./kim up --replicas 2</c>
/// starts them, and stopped again at the end. The stack's own gateway and processes are left as they are.
/// </summary>
public sealed class ReplicaSet : IAsyncLifetime
{
    private Dictionary<string, (int Pid, int Port)> _processes = [];

    /// <summary>The second gateway, whose clusters hold both replicas of every service.</summary>
    public Uri Gateway => new($"http://127.0.0.1:{_processes["gateway-2"].Port}");

    /// <summary>The log of a process of the test stack (<c>cases-api</c>, <c>cases-api-2</c>, …): one line per request.</summary>
    public static string LogOf(string process) => Path.Combine(Repository.Root, ".kim", "test", "logs", $"{process}.log");

    public ValueTask InitializeAsync() => new(StartAsync());

    /// <summary>Starts whichever of the replicas is not running (after a test killed one); the others are kept.</summary>
    public async Task StartAsync()
    {
        var output = await KimAsync("replicas", "start");
        _processes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length == 3)
            .ToDictionary(
                fields => fields[0],
                fields => (int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture)));
    }

    /// <summary>SIGKILL, as a crashed or evicted pod: no graceful shutdown, no goodbye to the broker or the gateway.</summary>
    public void Kill(string process)
    {
        using var victim = Process.GetProcessById(_processes[process].Pid);
        victim.Kill();
        victim.WaitForExit(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync() => await KimAsync("replicas", "stop");

    private static async Task<string> KimAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", ["kim", .. arguments])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // `./kim test` exported settings for the test hosts (Messaging__VerifySender, quieter logging); the replicas
        // must get the environment the stack's processes got instead. KIM_PORT_OFFSET and the rest stay.
        foreach (var name in start.Environment.Keys.Where(name => name.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var kim = Process.Start(start) ?? throw new InvalidOperationException("could not run ./kim");
        var stdout = kim.StandardOutput.ReadToEndAsync();
        var stderr = kim.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await kim.WaitForExitAsync(timeout.Token);
        if (kim.ExitCode != 0)
        {
            throw new InvalidOperationException($"./kim {string.Join(' ', arguments)} failed ({kim.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaSet>
{
    /// <summary>
    /// The replica tests run alone, after the parallel ones: they count every request in the processes' logs and kill
    /// processes, which other tests must not see.
    /// </summary>
    public const string Name = "replicas";
}
