using System.Net;

namespace KimPlatform.Web.Gateway;

/// <summary>One answer of the gateway: the body when it succeeded, the ETag, and the problem's field errors when not.</summary>
public sealed record ApiResult<T>(HttpStatusCode Status, T? Value, string? ETag, IReadOnlyDictionary<string, string[]> Errors, string? Detail)
{
    public bool Succeeded => (int)Status is >= 200 and < 300 && Value is not null;

    /// <summary>412: someone else changed the resource since it was read.</summary>
    public bool IsStale => Status == HttpStatusCode.PreconditionFailed;

    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(entry => string.Equals(entry.Key, field, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } messages
            ? string.Join(" ", messages)
            : null;
}
