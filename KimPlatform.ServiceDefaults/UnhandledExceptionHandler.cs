using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The last exception handler: any exception the others leave answers 500 problem details that name no exception,
/// message or stack, in every environment and whatever the client accepts (the exception is logged by the middleware,
/// with the trace id the answer carries). So a service run in Development never shows its internals either.
/// </summary>
internal sealed class UnhandledExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = "The error was logged; quote the trace id when you report it.",
            },
        };
        await ProblemDetailsEnricher.WriteAlwaysAsync(problemDetails, context, cancellationToken);

        return true;
    }
}
