namespace KimPlatform.Events.Api.Domain;

/// <summary>A business rule refuses the change (→ 422).</summary>
public sealed class EventRuleException(string message) : Exception(message);

/// <summary>The change conflicts with what is already there (→ 409).</summary>
public sealed class EventConflictException(string message) : Exception(message);

/// <summary>A part of the event the change names does not exist (→ 404).</summary>
public sealed class EventPartNotFoundException(string message) : Exception(message);
