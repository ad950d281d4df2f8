using System.Data.Common;
using System.Net.Sockets;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Recognises the failures of a dependency that is down for a while (a database restarting, refusing connections or
/// timing out), as opposed to a bug: the first is worth retrying later, the second is not.
/// </summary>
public static class DependencyOutage
{
    /// <summary>
    /// Whether <paramref name="exception"/> or one it wraps (EF Core's <c>DbUpdateException</c> and
    /// <c>RetryLimitExceededException</c> wrap the driver's) says that the dependency is unavailable for now.
    /// </summary>
    public static bool IsTransient(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Npgsql marks refused connections, broken streams, timeouts and 57P01/57P03/55000 (connections not allowed) transient.
                case DbException { IsTransient: true }:
                case DbException { SqlState: { } state } when IsUnavailableState(state):
                case TimeoutException:
                case SocketException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The outage in one line, for a log entry without a stack trace: the outermost exception and the innermost cause
    /// (<c>NpgsqlException: Failed to connect to 127.0.0.1:5432 (SocketException: Connection refused)</c>).
    /// </summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var cause = exception;
        while (cause.InnerException is not null)
        {
            cause = cause.InnerException;
        }

        var text = $"{exception.GetType().Name}: {exception.Message}";
        if (!ReferenceEquals(cause, exception))
        {
            text += $" ({cause.GetType().Name}: {cause.Message})";
        }

        return text.ReplaceLineEndings(" ");
    }

    // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now; 53300: too many connections.
    private static bool IsUnavailableState(string state) =>
        state.StartsWith("08", StringComparison.Ordinal) || state is "57P01" or "57P02" or "57P03" or "53300";
}
