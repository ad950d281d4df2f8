namespace KimPlatform.Contracts;

// Partner events the case service follows.

/// <summary>A partner organisation was registered or changed.</summary>
public sealed record OrganisationRegistered : IntegrationEvent
{
    /// <summary>Organisation key.</summary>
    public required string OrganisationId { get; init; }
    /// <summary>Display name.</summary>
    public required string Name { get; init; }
    /// <summary>Kind such as <c>jobcenter</c> or <c>welfare</c>.</summary>
    public required string Kind { get; init; }
    /// <summary>Legal domains (Rechtskreise).</summary>
    public required IReadOnlyList<string> LegalDomains { get; init; }
}

/// <summary>The partner accepted a referral.</summary>
public sealed record ReferralAccepted : AggregateEvent
{
    /// <summary>The referral.</summary>
    public required Guid ReferralId { get; init; }
    /// <summary>The case the referral belongs to.</summary>
    public required Guid CaseId { get; init; }
    /// <summary>The answering organisation.</summary>
    public required string PartnerOrganisationId { get; init; }
}

/// <summary>The partner declined a referral.</summary>
public sealed record ReferralDeclined : AggregateEvent
{
    /// <summary>The referral.</summary>
    public required Guid ReferralId { get; init; }
    /// <summary>The case the referral belongs to.</summary>
    public required Guid CaseId { get; init; }
    /// <summary>The answering organisation.</summary>
    public required string PartnerOrganisationId { get; init; }
    /// <summary>Why.</summary>
    public required string Reason { get; init; }
}

/// <summary>The partner completed a referral.</summary>
public sealed record ReferralCompleted : AggregateEvent
{
    /// <summary>The referral.</summary>
    public required Guid ReferralId { get; init; }
    /// <summary>The case the referral belongs to.</summary>
    public required Guid CaseId { get; init; }
    /// <summary>The answering organisation.</summary>
    public required string PartnerOrganisationId { get; init; }
    /// <summary>What came of it.</summary>
    public required string Outcome { get; init; }
}
