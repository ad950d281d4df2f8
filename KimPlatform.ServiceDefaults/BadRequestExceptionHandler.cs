using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Turns unreadable requests (malformed JSON, wrong types, unknown enum values, bodies over the limit) into
/// 400/413 problem details with the offending field, instead of a bare status code or a 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        var problem = badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? new ProblemDetails { Status = 413, Title = "Request body too large." }
            : FromBadRequest(badRequest);

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException exception)
    {
        if (FindJsonException(exception) is { } json)
        {
            var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
            return new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = ["The value could not be read: " + FirstSentence(json.Message)],
            })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request body is not valid JSON for this operation.",
            };
        }

        return new ProblemDetails { Status = exception.StatusCode, Title = "Bad request.", Detail = exception.Message };
    }

    private static JsonException? FindJsonException(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    // System.Text.Json appends path and position details that are already in the key.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". Path:", StringComparison.Ordinal);
        return end > 0 ? message[..(end + 1)] : message;
    }
}
