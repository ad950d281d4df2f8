using KimPlatform.Faults.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Faults.Tests;

/// <summary>The reporting process killed with SIGKILL while events stream in, and started again.</summary>
public sealed class ConsumerCrashTests
{
    [Fact]
    public async Task ReportingKilledMidStream_AndStartedAgain_FiguresConvergeToTheExactValues()
    {
        var workload = await Workload.PrepareAsync();
        var parkedBefore = await BrokerQueues.ParkedAsync();
        using var stop = new CancellationTokenSource();
        var load = workload.RunAsync(clients: 4, stop.Token);

        // Killed while it is applying the stream: some cases counted, more arriving.
        var countedAtKill = await Eventually.GetAsync(async () => (await Tally.AppliedAsync(workload.Tenant)).Reporting.Cases, count => count >= 10);
        try
        {
            await Inject.KillAsync("reporting-api");
            var casesAtKill = workload.Cases.Count;
            await Eventually.GetAsync(() => Task.FromResult(workload.Cases.Count), count => count >= casesAtKill + 20);
        }
        finally
        {
            await Inject.StartAsync("reporting-api");
        }

        var casesAtStart = workload.Cases.Count;
        await Eventually.GetAsync(() => Task.FromResult(workload.Cases.Count), count => count >= casesAtStart + 10);
        await stop.CancelAsync();
        await load;

        Assert.All(workload.Calls, call => Assert.True(call.Status == 201, $"{call.Operation}: {call.Status} after {call.Took}"));
        Assert.InRange(countedAtKill, 10, workload.Cases.Count - 30);
        await Tally.AssertAcknowledgedStoredOnceAsync(workload);
        await Tally.AssertConvergedAsync(workload.Tenant, TimeSpan.FromMinutes(2));
        await BrokerQueues.AssertNoneParkedSinceAsync(parkedBefore);
    }
}
