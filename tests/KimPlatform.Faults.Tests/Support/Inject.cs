using KimPlatform.Testing;

namespace KimPlatform.Faults.Tests.Support;

/// <summary>
/// The faults, injected with <c>./kim fault</c> (and the operator's <c>./kim requeue-errors</c>) into the stack
/// `./kim test` runs: kim knows the profile's ports, data folders and process ids, and starts a process again exactly
/// as the stack started it. KIM_PORT_OFFSET reaches it from the environment of `./kim test`.
/// </summary>
internal static class Inject
{
    public static Task StopBrokerAsync() => KimCommand.RunAsync("fault", "broker-stop");

    public static Task StartBrokerAsync() => KimCommand.RunAsync("fault", "broker-start");

    public static Task StopDatabaseAsync() => KimCommand.RunAsync("fault", "database-stop");

    public static Task StartDatabaseAsync() => KimCommand.RunAsync("fault", "database-start");

    /// <summary>SIGKILL: no shutdown, nothing acknowledged that was in hand.</summary>
    public static Task KillAsync(string service) => KimCommand.RunAsync("fault", "kill", service);

    /// <summary>Starts the service again and returns once it answers <c>/health/ready</c>.</summary>
    public static Task StartAsync(string service) => KimCommand.RunAsync("fault", "start", service);

    /// <summary>The operator's command after a fix; returns how many messages it moved back.</summary>
    public static async Task<int> RequeueErrorsAsync(string queue) =>
        int.Parse(await KimCommand.RunAsync("requeue-errors", "--profile", "test", queue), System.Globalization.CultureInfo.InvariantCulture);
}
