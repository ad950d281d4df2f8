using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// An HTML page the platform renders itself, sent with a strict <c>Content-Security-Policy</c>: no script at all, no
/// request to any other origin, not framable. Even if a stored value slipped through encoding, it could not run.
/// </summary>
/// <param name="html">The page, every value in it already encoded.</param>
/// <param name="postsToSelf">Whether the page has a form that posts to its own origin (<c>form-action 'self'</c>).</param>
public sealed class HtmlPageResult(string html, bool postsToSelf = false) : IResult, IContentTypeHttpResult, IStatusCodeHttpResult
{
    /// <summary>Inline <c>style</c> elements are allowed (the pages carry their own); everything else only from nowhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public string ContentType => "text/html; charset=utf-8";

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        httpContext.Response.Headers.ContentSecurityPolicy = postsToSelf
            ? ContentSecurityPolicy.Replace("form-action 'none'", "form-action 'self'", StringComparison.Ordinal)
            : ContentSecurityPolicy;
        httpContext.Response.Headers.XContentTypeOptions = "nosniff";
        httpContext.Response.Headers.XFrameOptions = "DENY";
        return httpContext.Response.WriteAsync(html, Encoding.UTF8);
    }
}
