using KimPlatform.Reporting.Api.Application;

namespace KimPlatform.Reporting.Api.Apis;

/// <summary>
/// Tells how old an answer's figures may be (docs/decisions.md, "Figures may be seconds old"): <c>Last-Modified</c> is
/// the moment every change committed before is in the figures, rounded down to the second as HTTP dates are. Without
/// <c>Cache-Control</c> a browser may reuse an answer with a <c>Last-Modified</c> for a tenth of its age (RFC 9111,
/// heuristic freshness), so the answer says it must be asked for again each time.
/// </summary>
internal static class FiguresAsOf
{
    public static TBuilder WithFiguresAsOf<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (context.HttpContext.RequestServices.GetRequiredService<FigureReader>().AsOf is { } asOf)
            {
                var headers = context.HttpContext.Response.Headers;
                headers.LastModified = asOf.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                headers.CacheControl = "private, no-cache";
            }

            return result;
        });
}
