using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Contracts;

// Partner events the case service follows.

/// <summary>A partner organisation was registered or changed.</summary>
public sealed record OrganisationRegistered : IntegrationEvent
{
    /// <summary>Organisation key.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required string OrganisationId { get; init; }
    /// <summary>Display name.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required string Name { get; init; }
    /// <summary>Kind such as <c>jobcenter</c> or <c>welfare</c>.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required string Kind { get; init; }
    /// <summary>Legal domains (Rechtskreise).</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required IReadOnlyList<string> LegalDomains { get; init; }
}

/// <summary>The partner accepted a referral.</summary>
public sealed record ReferralAccepted : AggregateEvent
{
    /// <summary>The referral.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.CasesService | DataRecipients.CaseOrganisation, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure)]
    public required Guid ReferralId { get; init; }
    /// <summary>The case the referral belongs to.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.CasesService | DataRecipients.CaseOrganisation, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure)]
    public required Guid CaseId { get; init; }
    /// <summary>The answering organisation.</summary>
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.CasesService | DataRecipients.CaseOrganisation, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure)]
    public required string PartnerOrganisationId { get; init; }
    /// <summary>Whole calendar days (UTC) from the referral's arrival to this answer.</summary>
    public int? DaysToAnswer { get; init; }
}

/// <summary>The partner declined a referral.</summary>
public sealed record ReferralDeclined : AggregateEvent
{
    /// <summary>The referral.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.CasesService | DataRecipients.CaseOrganisation, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure)]
    public required Guid ReferralId { get; init; }
    /// <summary>The case the referral belongs to.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.CasesService | DataRecipients.CaseOrganisation, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure)]
    public required Guid CaseId { get; init; }
    /// <summary>The answering organisation.</summary>
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.CasesService | DataRecipients.CaseOrganisation, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure)]
    public required string PartnerOrganisationId { get; init; }
    /// <summary>Why.</summary>
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69 | LegalBases.GdprArt9Para2A, DataRecipients.CasesService | DataRecipients.CaseOrganisation, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure, Special = true)]
    public required string Reason { get; init; }
    /// <summary>Whole calendar days (UTC) from the referral's arrival to its first answer.</summary>
    public int? DaysToAnswer { get; init; }
}

/// <summary>The partner completed a referral.</summary>
public sealed record ReferralCompleted : AggregateEvent
{
    /// <summary>The referral.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.CasesService | DataRecipients.CaseOrganisation, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure)]
    public required Guid ReferralId { get; init; }
    /// <summary>The case the referral belongs to.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.CasesService | DataRecipients.CaseOrganisation, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure)]
    public required Guid CaseId { get; init; }
    /// <summary>The answering organisation.</summary>
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.CasesService | DataRecipients.CaseOrganisation, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure)]
    public required string PartnerOrganisationId { get; init; }
    /// <summary>What came of it.</summary>
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69 | LegalBases.GdprArt9Para2A, DataRecipients.CasesService | DataRecipients.CaseOrganisation, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.CaseErasure, Special = true)]
    public required string Outcome { get; init; }
}

/// <summary>A registered organisation's name, kind or legal domains may have changed; carries the current values.</summary>
public sealed record OrganisationChanged : AggregateEvent
{
    /// <summary>Organisation key.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required string OrganisationId { get; init; }
    /// <summary>Display name.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required string Name { get; init; }
    /// <summary>Kind such as <c>jobcenter</c> or <c>welfare</c>.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required string Kind { get; init; }
    /// <summary>Legal domains (Rechtskreise).</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required IReadOnlyList<string> LegalDomains { get; init; }
}

/// <summary>An offer is in the public directory (newly, or changed while published); carries its categories.</summary>
public sealed record OfferPublished : AggregateEvent
{
    /// <summary>The offer.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required Guid OfferId { get; init; }
    /// <summary>Key of the organisation running it.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required string OrganisationId { get; init; }
    /// <summary>The German title.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required string Title { get; init; }
    /// <summary>Topics such as <c>language</c>.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required IReadOnlyList<string> Topics { get; init; }
    /// <summary>Target groups such as <c>women</c>.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required IReadOnlyList<string> TargetGroups { get; init; }
    /// <summary>Languages it is delivered in (ISO 639-1).</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required IReadOnlyList<string> Languages { get; init; }
    /// <summary>Municipalities it serves.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required IReadOnlyList<string> Municipalities { get; init; }
}

/// <summary>A published offer left the public directory.</summary>
public sealed record OfferWithdrawn : AggregateEvent
{
    /// <summary>The offer.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required Guid OfferId { get; init; }
    /// <summary>Key of the organisation running it.</summary>
    [NotPersonalData("an organisation or its public offer, not a person")]
    public required string OrganisationId { get; init; }
}
