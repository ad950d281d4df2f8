using KimPlatform.Faults.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Faults.Tests;

/// <summary>RabbitMQ stopped while cases, referrals and registrations are written through the gateway.</summary>
public sealed class BrokerOutageTests
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task BrokerStoppedUnderWriteLoad_WritesKeepSucceeding_AndEachIsCountedOnceAfterRecovery()
    {
        var workload = await Workload.PrepareAsync();
        var parkedBefore = await BrokerQueues.ParkedAsync();
        using var stop = new CancellationTokenSource();
        var load = workload.RunAsync(clients: 4, stop.Token);
        await Eventually.GetAsync(() => Task.FromResult(workload.Registrations.Count), count => count >= 5);

        DateTimeOffset down, up;
        await Inject.StopBrokerAsync();
        try
        {
            down = DateTimeOffset.UtcNow;
            // The outage lasts its length, and until every kind of write has been acknowledged a few times during it.
            await Eventually.GetAsync(
                () => Task.FromResult(DateTimeOffset.UtcNow - down >= Outage && WrittenSince(workload, down).All(count => count >= 3)),
                over => over, Outage * 4);
        }
        finally
        {
            up = DateTimeOffset.UtcNow;
            await Inject.StartBrokerAsync();
        }

        var casesAtRestart = workload.Cases.Count;
        await Eventually.GetAsync(() => Task.FromResult(workload.Cases.Count), count => count >= casesAtRestart + 10, TimeSpan.FromMinutes(3));
        await stop.CancelAsync();
        await load;

        var calls = workload.Calls;
        Assert.All(calls, call => Assert.True(call.Status == 201, $"{call.Operation}: {call.Status} after {call.Took}"));
        var duringOutage = calls.Where(call => call.At > down && call.At < up).GroupBy(call => call.Operation).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(new[] { "open case", "give consent", "refer", "register" }, operation => Assert.True(
            duringOutage.GetValueOrDefault(operation) >= 3, $"{operation}: {duringOutage.GetValueOrDefault(operation)} acknowledged while the broker was down"));

        await Tally.AssertAcknowledgedStoredOnceAsync(workload);
        Assert.Equal(new Counts(workload.Cases.Count, workload.Referrals.Count, workload.Registrations.Count), await Tally.StoredAsync(workload.Tenant));
        await Tally.AssertConvergedAsync(workload.Tenant, TimeSpan.FromMinutes(3));
        await BrokerQueues.AssertNoneParkedSinceAsync(parkedBefore);
    }

    private static int[] WrittenSince(Workload workload, DateTimeOffset since)
    {
        var calls = workload.Calls.Where(call => call.At > since && call.Status == 201).ToArray();
        return new[] { "open case", "refer", "register" }.Select(operation => calls.Count(call => call.Operation == operation)).ToArray();
    }
}
