namespace KimPlatform.Cases.Api.Domain;

/// <summary>The case is not in a phase that allows the change (HTTP 409).</summary>
public sealed class CaseConflictException(string message) : Exception(message);

/// <summary>A business rule forbids the change, e.g. a referral without a covering consent (HTTP 422).</summary>
public sealed class CaseRuleException(string message, IReadOnlyDictionary<string, object?>? details = null) : Exception(message)
{
    public IReadOnlyDictionary<string, object?> Details { get; } = details ?? new Dictionary<string, object?>();
}

/// <summary>A part of the case (goal, consent, referral) the request names does not exist (HTTP 404).</summary>
public sealed class CasePartNotFoundException(string message) : Exception(message);
