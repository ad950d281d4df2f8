using KimPlatform.Cases.Api.Domain;
using Microsoft.Net.Http.Headers;

namespace KimPlatform.Cases.Api.Application;

/// <summary>The ETag of a case is its version, so a stale <c>If-Match</c> is detected without hashing the body.</summary>
internal static class CaseETag
{
    public static string Of(Case @case) => $"\"{@case.Version}\"";

    public static void Set(HttpContext http, Case @case) => http.Response.Headers.ETag = Of(@case);

    /// <summary>Whether an <c>If-Match</c> value (one or more tags, weak or strong) names the case's version; <c>*</c> never does.</summary>
    public static bool Matches(string ifMatch, Case @case) =>
        EntityTagHeaderValue.TryParseList([ifMatch], out var tags)
        && tags.Any(tag => tag.Tag.AsSpan().Trim('"').SequenceEqual(@case.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
