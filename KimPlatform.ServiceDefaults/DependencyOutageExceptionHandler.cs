using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Answers a request that failed because a dependency is down (<see cref="DependencyOutage"/>) with 503,
/// <c>Retry-After</c> (<c>DependencyOutage:RetryAfterSeconds</c>, 5 by default) and problem details, instead of a 500:
/// the client did nothing wrong and the same call will succeed once the database is back. An outage is expected, so each
/// such answer is logged as one warning line without a stack trace (category
/// <c>Microsoft.Extensions.Hosting.DependencyOutageExceptionHandler</c>).
/// </summary>
internal sealed partial class DependencyOutageExceptionHandler(
    IProblemDetailsService problemDetails, IConfiguration configuration, ILogger<DependencyOutageExceptionHandler> logger)
    : IExceptionHandler
{
    private readonly int _retryAfterSeconds = configuration.GetValue("DependencyOutage:RetryAfterSeconds", 5);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted || !DependencyOutage.IsTransient(exception))
        {
            return false;
        }

        LogOutage(logger, httpContext.Request.Method, httpContext.Request.Path, DependencyOutage.Describe(exception));
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = _retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is temporarily unavailable.",
                Detail = "A dependency of the service is unavailable; retry after the time in Retry-After.",
            },
        };
        await ProblemDetailsEnricher.WriteAlwaysAsync(problemDetails, context, cancellationToken);

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: a dependency is unavailable: {Outage}")]
    private static partial void LogOutage(ILogger logger, string method, PathString path, string outage);
}
