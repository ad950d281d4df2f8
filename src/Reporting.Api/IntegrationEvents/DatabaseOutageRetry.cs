using System.Net.Sockets;
using MassTransit;
using Npgsql;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

/// <summary>
/// Keeps a message that failed only because the reporting database is unreachable (restart, failover, connections
/// refused) out of its <c>_error</c> queue: such failures are retried in memory with back-off for about a quarter of
/// an hour, while the endpoint's other messages wait their turn in the queue. A kill switch stops an endpoint whose
/// messages keep failing, and starts it again a minute later.
/// </summary>
internal static class DatabaseOutageRetry
{
    public static void Configure(IReceiveEndpointConfigurator endpoint)
    {
        endpoint.UseKillSwitch(options => options
            .SetActivationThreshold(10)
            .SetTripThreshold(0.15)
            .SetRestartTimeout(m: 1));
        endpoint.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(IsDatabaseOutage);
            retry.Exponential(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));
        });
    }

    /// <summary>True for failures that go away when the database is back, anywhere in the exception's chain.</summary>
    public static bool IsDatabaseOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // 08: connection, 53: resources, 57P: shut down or restarting, 55000: database not accepting connections,
                // 40001/40P01: serialisation failure or deadlock.
                case PostgresException postgres:
                    return postgres.IsTransient
                        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.ObjectNotInPrerequisiteState
                            or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
