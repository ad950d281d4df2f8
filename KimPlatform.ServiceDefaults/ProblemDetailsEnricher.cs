using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>Adds the trace and correlation ids to every problem response, so a case manager's error report can be traced.</summary>
internal static class ProblemDetailsEnricher
{
    public static void Enrich(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        context.ProblemDetails.Instance ??= $"{http.Request.Method} {http.Request.Path}";
        context.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? http.TraceIdentifier);
        if (http.Items.TryGetValue(CorrelationIdMiddleware.ItemKey, out var correlationId))
        {
            context.ProblemDetails.Extensions.TryAdd("correlationId", correlationId);
        }
    }

    /// <summary>
    /// Writes the problem details whatever the client accepts: a client that accepts only HTML gets the same JSON, where
    /// the status pages would otherwise answer with an empty body.
    /// </summary>
    public static async ValueTask WriteAlwaysAsync(IProblemDetailsService problemDetails, ProblemDetailsContext context, CancellationToken cancellationToken)
    {
        if (!await problemDetails.TryWriteAsync(context))
        {
            Enrich(context);
            await context.HttpContext.Response.WriteAsJsonAsync(context.ProblemDetails, (System.Text.Json.JsonSerializerOptions?)null,
                "application/problem+json", cancellationToken);
        }
    }
}
