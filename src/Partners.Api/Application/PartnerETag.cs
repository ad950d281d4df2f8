using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace KimPlatform.Partners.Api.Application;

/// <summary>The ETag of an organisation or offer is its version, as for cases.</summary>
internal static class PartnerETag
{
    public static string Of(long version) => $"\"{version}\"";

    public static void Set(HttpContext http, long version) => http.Response.Headers.ETag = Of(version);

    /// <summary>Whether an <c>If-Match</c> value (one or more tags, weak or strong) names the version; <c>*</c> never does.</summary>
    public static bool Matches(string ifMatch, long version) =>
        EntityTagHeaderValue.TryParseList([ifMatch], out var tags)
        && tags.Any(tag => tag.Tag.AsSpan().Trim('"').SequenceEqual(version.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Absent or <c>*</c> proves nothing about what the caller has seen.</summary>
    public static bool IsMissing(string? ifMatch) => string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*";
}
