using KimPlatform.Faults.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Faults.Tests;

/// <summary>The stack's PostgreSQL stopped and started again while cases, referrals and registrations are written.</summary>
public sealed class DatabaseRestartTests
{
    /// <summary>The runtime role's connect timeout (<c>Database:ConnectTimeout</c>, 3 s) and room for a loaded machine.</summary>
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task DatabaseRestartedUnderLoad_CallsFailFastWith503AndRetryAfter_ThenSucceedWithoutARestart_AndConsumersCatchUp()
    {
        var workload = await Workload.PrepareAsync();
        var parkedBefore = await BrokerQueues.ParkedAsync();
        var logs = new[] { ServiceLog.Of("cases-api"), ServiceLog.Of("events-api") };
        using var stop = new CancellationTokenSource();
        var load = workload.RunAsync(clients: 4, stop.Token);
        await Eventually.GetAsync(() => Task.FromResult(workload.Registrations.Count), count => count >= 5);

        DateTimeOffset down, up;
        await Inject.StopDatabaseAsync();
        try
        {
            down = DateTimeOffset.UtcNow;
            // Down for at least 5 s, and until the clients have met it a good number of times.
            await Eventually.GetAsync(
                () => Task.FromResult(DateTimeOffset.UtcNow - down >= TimeSpan.FromSeconds(5) && workload.Calls.Count(call => call.At > down) >= 20),
                over => over, TimeSpan.FromSeconds(60));
        }
        finally
        {
            up = DateTimeOffset.UtcNow;
            await Inject.StartDatabaseAsync();
        }

        // Without restarting any service, every kind of write succeeds again.
        var recovered = await Eventually.GetAsync(
            () => Task.FromResult(SucceededSince(workload, up)), counts => counts.All(count => count >= 3), TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await load;

        var calls = workload.Calls;
        Assert.All(recovered, count => Assert.True(count >= 3, $"writes after the restart: {string.Join(", ", recovered)}"));
        Assert.All(calls, call => Assert.True(call.Status is 201 or 503, $"{call.Operation}: {call.Status} after {call.Took}"));
        Assert.All(calls.Where(call => call.Status == 503), call => Assert.Equal("5", call.RetryAfter));
        Assert.All(calls, call => Assert.True(call.Took < FailFast, $"{call.Operation}: {call.Status} after {call.Took}"));
        Assert.True(calls.Count(call => call.Status == 503) >= 5, $"only {calls.Count(call => call.Status == 503)} calls met the outage");

        // An outage is expected: each 503 is one warning line without a stack trace, and nothing is logged as an error.
        foreach (var log in logs)
        {
            var lines = log.NewLines();
            Assert.Contains(lines, line => line.Contains(" warn: ", StringComparison.Ordinal) && line.Contains("answered 503", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, line => line.Contains(" fail: ", StringComparison.Ordinal));
            Assert.DoesNotContain(lines, line => (line.Contains("answered 503", StringComparison.Ordinal) || line.Contains("Outbox dispatch", StringComparison.Ordinal))
                && line.Contains("   at ", StringComparison.Ordinal));
        }

        await Tally.AssertAcknowledgedStoredOnceAsync(workload);
        await Tally.AssertConvergedAsync(workload.Tenant, TimeSpan.FromMinutes(3));
        await BrokerQueues.AssertNoneParkedSinceAsync(parkedBefore);
    }

    private static int[] SucceededSince(Workload workload, DateTimeOffset since)
    {
        var calls = workload.Calls.Where(call => call.At > since && call.Status == 201).ToArray();
        return new[] { "open case", "give consent", "refer", "register" }.Select(operation => calls.Count(call => call.Operation == operation)).ToArray();
    }
}
