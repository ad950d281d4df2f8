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
}
