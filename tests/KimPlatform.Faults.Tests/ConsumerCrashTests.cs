using KimPlatform.Faults.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Faults.Tests;

/// <summary>The reporting process killed with SIGKILL while events stream in, and started again.</summary>
public sealed class ConsumerCrashTests
{
    /// <summary>How long to wait for evidence (writes, counts) on a loaded two-core machine; a passing run waits far less.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task ReportingKilledMidStream_AndStartedAgain_FiguresConvergeToTheExactValues()
    {
        var workload = await Workload.PrepareAsync();
        var parkedBefore = await BrokerQueues.ParkedAsync();
        using var stop = new CancellationTokenSource();
        var load = workload.RunAsync(clients: 4, stop.Token);

        // Killed while it is applying the stream: some cases counted, more arriving.
        var countedAtKill = await Eventually.GetAsync(async () => (await Tally.AppliedAsync(workload.Tenant)).Reporting.Cases, count => count >= 10, Patience);
        try
        {
            await Inject.KillAsync("reporting-api");
            var casesAtKill = workload.Cases.Count;
            await Eventually.GetAsync(() => Task.FromResult(workload.Cases.Count), count => count >= casesAtKill + 20, Patience);
        }
        finally
        {
            await Inject.StartAsync("reporting-api");
        }

        var casesAtStart = workload.Cases.Count;
        await Eventually.GetAsync(() => Task.FromResult(workload.Cases.Count), count => count >= casesAtStart + 10, Patience);
        await stop.CancelAsync();
        await load;

        Assert.All(workload.Calls, call => Assert.True(call.Status == 201, $"{call.Operation}: {call.Status} after {call.Took}"));
        Assert.InRange(countedAtKill, 10, workload.Cases.Count - 30);
        await Tally.AssertAcknowledgedStoredOnceAsync(workload);
        await Tally.AssertConvergedAsync(workload.Tenant, Patience);
        await BrokerQueues.AssertNoneParkedSinceAsync(parkedBefore);
    }
}
