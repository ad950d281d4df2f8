using KimPlatform.Cases.Api.Domain;

namespace KimPlatform.Cases.Api.Apis;

/// <summary>The ETag of a case is its version, so a stale <c>If-Match</c> is detected without hashing the body.</summary>
internal static class CaseETag
{
    public static string Of(Case @case) => $"\"{@case.Version}\"";
}
