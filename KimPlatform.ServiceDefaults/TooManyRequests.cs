using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>The platform's answer to a request a rate limiter turned away: 429, <c>Retry-After</c> and problem details.</summary>
public static class TooManyRequests
{
    /// <summary>
    /// Writes the answer. <c>Retry-After</c> comes from the limiter's lease, or <paramref name="fallback"/> when the
    /// lease does not say when a permit frees up.
    /// </summary>
    public static async ValueTask WriteAsync(OnRejectedContext context, TimeSpan fallback, string title, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : fallback;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = title, Detail = detail },
        });
    }
}
