namespace KimPlatform.Partners.Api.Domain;

/// <summary>The change does not fit the current status, e.g. completing a referral not accepted (→ 409).</summary>
public sealed class StatusConflictException(string message) : Exception(message);

/// <summary>A business rule forbids the change, e.g. a volunteer who does not fit (→ 422).</summary>
public sealed class BusinessRuleException(string message) : Exception(message);
