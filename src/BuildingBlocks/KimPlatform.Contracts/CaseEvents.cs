using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Contracts;

// Case events go to reporting and partners: categories only, never names, birth dates or free text.

/// <summary>A case was opened (phase intake).</summary>
public sealed record CaseOpened : AggregateEvent
{

    /// <summary>Pseudonymous case id.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService | DataRecipients.PartnersService | DataRecipients.CasesService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid CaseId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    /// <summary>Municipality the person lives in.</summary>
    [PersonalData(PersonalDataCategory.PlaceOfResidence, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string Municipality { get; init; }
    /// <summary>Age band such as <c>18-26</c>; never the birth date.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string AgeBand { get; init; }
    /// <summary>Residence status category (contract value, e.g. <c>asylum-seeker</c>).</summary>
    [PersonalData(PersonalDataCategory.ResidenceStatus, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string ResidenceStatus { get; init; }
    /// <summary>Target groups such as <c>youth</c> or <c>women</c>.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup, Special = true)]
    public required IReadOnlyList<string> TargetGroups { get; init; }
    /// <summary>Reachability: <c>good</c>, <c>medium</c> or <c>low</c>.</summary>
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string Reachability { get; init; }
    /// <summary>User id of the case manager the case is assigned to; reporting keeps only a keyed hash of it.</summary>
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1C | LegalBases.EmploymentArt88, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public string? CaseManagerId { get; init; }
}

// Case events. Those read by reporting carry categories, never names, birth dates or free text about a person.

/// <summary>A case moved from one phase to the next.</summary>
public sealed record CasePhaseChanged : AggregateEvent
{
    /// <summary>Pseudonymous case id.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService | DataRecipients.PartnersService | DataRecipients.CasesService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid CaseId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    /// <summary>Previous phase (<c>intake</c>, <c>assessment</c>, <c>plan</c>, <c>monitoring</c>, <c>closed</c>).</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string FromPhase { get; init; }
    /// <summary>New phase.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string ToPhase { get; init; }
    /// <summary>The version at which the case entered <see cref="FromPhase"/> (1 for intake): the phase change before this one, so a consumer can apply the changes in order.</summary>
    public long? PreviousVersion { get; init; }
    /// <summary>Whole calendar days (UTC) the case spent in <see cref="FromPhase"/>.</summary>
    public int? DaysInPreviousPhase { get; init; }
}

/// <summary>A case was closed.</summary>
public sealed record CaseClosed : AggregateEvent
{
    /// <summary>Pseudonymous case id.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService | DataRecipients.PartnersService | DataRecipients.CasesService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid CaseId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    /// <summary>Why: <c>goals-achieved</c>, <c>moved-away</c>, <c>no-longer-reachable</c>, <c>handed-over</c>, <c>person-declined</c>, <c>erased</c>, <c>other</c>.</summary>
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string Reason { get; init; }
    /// <summary><c>achieved</c>, <c>partially-achieved</c> or <c>not-achieved</c>.</summary>
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string Outcome { get; init; }
    /// <summary>Whole calendar days (UTC) from the case's opening to this closure.</summary>
    public int? DaysOpen { get; init; }
}

/// <summary>A closed case was reopened into monitoring.</summary>
public sealed record CaseReopened : AggregateEvent
{
    /// <summary>Pseudonymous case id.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService | DataRecipients.PartnersService | DataRecipients.CasesService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid CaseId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
}

/// <summary>A case's personal data was erased (Art. 17 GDPR or retention); an anonymous skeleton remains.</summary>
public sealed record CaseErased : AggregateEvent
{
    /// <summary>Pseudonymous case id.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService | DataRecipients.PartnersService | DataRecipients.CasesService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid CaseId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    /// <summary><c>request</c> (data subject) or <c>retention</c>.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string Cause { get; init; }
    /// <summary>
    /// The case's goals as the erasure leaves them. Goal events travel on queues of their own, so a consumer that forgets
    /// the case (reporting) first waits until it holds each goal in this state. Null in erasures published before the
    /// member existed: the consumer then forgets the case at once, and a later goal event of it is lost.
    /// </summary>
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public IReadOnlyList<ErasedGoal>? Goals { get; init; }
}

/// <summary>A goal of an erased case as its last goal event left it.</summary>
/// <param name="GoalId">The goal.</param>
/// <param name="Status"><c>open</c>, <c>achieved</c> or <c>dropped</c>.</param>
/// <param name="StatusChangedAt">When its last <see cref="GoalProgressed"/> happened; null when it never progressed.</param>
public sealed record ErasedGoal(
    [property: NotPersonalData("random key of a goal")] Guid GoalId,
    [property: PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)] string Status,
    [property: PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)] DateTimeOffset? StatusChangedAt);

/// <summary>A goal of the integration agreement was agreed.</summary>
public sealed record GoalAgreed : AggregateEvent
{
    /// <summary>Pseudonymous case id.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService | DataRecipients.PartnersService | DataRecipients.CasesService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid CaseId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    /// <summary>The goal.</summary>
    [NotPersonalData("random key of a goal")]
    public required Guid GoalId { get; init; }
    /// <summary>Life area, e.g. <c>language</c>.</summary>
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string LifeArea { get; init; }
    /// <summary>When it is due.</summary>
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required DateOnly DueDate { get; init; }
}

/// <summary>A goal's status changed.</summary>
public sealed record GoalProgressed : AggregateEvent
{
    /// <summary>Pseudonymous case id.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService | DataRecipients.PartnersService | DataRecipients.CasesService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid CaseId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    /// <summary>The goal.</summary>
    [NotPersonalData("random key of a goal")]
    public required Guid GoalId { get; init; }
    /// <summary>Life area.</summary>
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string LifeArea { get; init; }
    /// <summary><c>open</c>, <c>achieved</c> or <c>dropped</c>.</summary>
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string Status { get; init; }
}

/// <summary>The person consented to sharing data with recipients.</summary>
public sealed record ConsentGiven : AggregateEvent
{
    /// <summary>Pseudonymous case id.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService | DataRecipients.PartnersService | DataRecipients.CasesService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid CaseId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    /// <summary>The consent.</summary>
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.PartnersService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid ConsentId { get; init; }
    /// <summary>Organisations or organisation kinds it names.</summary>
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.PartnersService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required IReadOnlyList<ConsentRecipient> Recipients { get; init; }
    /// <summary>Data categories it covers.</summary>
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.PartnersService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required IReadOnlyList<string> DataCategories { get; init; }
    /// <summary>Last day it is valid; null until withdrawn.</summary>
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.PartnersService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public DateOnly? ValidUntil { get; init; }
}

/// <summary>The person withdrew a consent: receivers must redact what they hold under it.</summary>
public sealed record ConsentWithdrawn : AggregateEvent
{
    /// <summary>Pseudonymous case id.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService | DataRecipients.PartnersService | DataRecipients.CasesService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid CaseId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    /// <summary>The consent.</summary>
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.PartnersService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid ConsentId { get; init; }
    /// <summary>Who received data under it.</summary>
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.PartnersService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required IReadOnlyList<ConsentRecipient> Recipients { get; init; }
    /// <summary>Referrals made under it, whose shared data must be redacted.</summary>
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.PartnersService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required IReadOnlyList<Guid> ReferralIds { get; init; }
}

/// <summary>A case manager referred the person to a partner's offer under a covering consent. Carries personal data only as far as the consent's data categories allow; reporting reads only the categories.</summary>
public sealed record ReferralRequested : AggregateEvent
{
    /// <summary>Pseudonymous case id.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService | DataRecipients.PartnersService | DataRecipients.CasesService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid CaseId { get; init; }
    /// <summary>The referral.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure)]
    public required Guid ReferralId { get; init; }
    /// <summary>The partner's offer.</summary>
    [NotPersonalData("key of a public offer")]
    public required Guid OfferId { get; init; }
    /// <summary>Receiving organisation.</summary>
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure)]
    public required string PartnerOrganisationId { get; init; }
    /// <summary>Organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string ReferringOrganisationId { get; init; }
    /// <summary>The consent it relies on.</summary>
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure)]
    public required Guid ConsentId { get; init; }
    /// <summary>Data categories shared.</summary>
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure)]
    public required IReadOnlyList<string> DataCategories { get; init; }
    /// <summary>Municipality of the person: one of the tenant's municipalities, no address; the partner needs it to see whether its offer applies.</summary>
    [PersonalData(PersonalDataCategory.PlaceOfResidence, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure)]
    public required string Municipality { get; init; }
    /// <summary>Name and birth date; only with category <c>identity</c>.</summary>
    [PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure)]
    public ReferredPerson? Person { get; init; }
    /// <summary>Only with category <c>residence-status</c>.</summary>
    [PersonalData(PersonalDataCategory.ResidenceStatus, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure)]
    public string? ResidenceStatus { get; init; }
    /// <summary>Only with category <c>languages</c>.</summary>
    [PersonalData(PersonalDataCategory.Languages, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure)]
    public IReadOnlyList<string>? Languages { get; init; }
    /// <summary>Only with category <c>needs</c>.</summary>
    [PersonalData(PersonalDataCategory.Needs, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69 | LegalBases.GdprArt9Para2A, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure, Special = true)]
    public IReadOnlyList<ReferredNeed>? Needs { get; init; }
    /// <summary>Only with category <c>goals</c>.</summary>
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure)]
    public IReadOnlyList<ReferredGoal>? Goals { get; init; }
    /// <summary>Only with category <c>household</c>.</summary>
    [PersonalData(PersonalDataCategory.Household, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure)]
    public IReadOnlyList<ReferredHouseholdMember>? Household { get; init; }
    /// <summary>The case manager's note to the partner; only with category <c>note</c>.</summary>
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69 | LegalBases.GdprArt9Para2A, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure, Special = true)]
    public string? Note { get; init; }
}

/// <summary>A gap in the local support system seen in case work, for the steering group; no personal data.</summary>
public sealed record StructuralFindingReported : IntegrationEvent
{
    /// <summary>The finding.</summary>
    [NotPersonalData("a gap in the local system, written without personal data")]
    public required Guid FindingId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    /// <summary>Where it was seen.</summary>
    [NotPersonalData("a gap in the local system, written without personal data")]
    public required string Municipality { get; init; }
    /// <summary>Life area.</summary>
    [NotPersonalData("a gap in the local system, written without personal data")]
    public required string LifeArea { get; init; }
    /// <summary>Short theme, e.g. <c>waiting list integration course</c>.</summary>
    [NotPersonalData("a gap in the local system, written without personal data")]
    public required string Theme { get; init; }
    /// <summary>What is missing; written without personal data.</summary>
    [NotPersonalData("a gap in the local system, written without personal data")]
    public required string Description { get; init; }
}

/// <summary>A consent's recipient: one organisation (by key) or every organisation of a kind.</summary>
/// <param name="OrganisationId">Organisation key, or null.</param>
/// <param name="OrganisationKind">Organisation kind such as <c>jobcenter</c>, or null.</param>
public sealed record ConsentRecipient([property: NotPersonalData("key or kind of an organisation, not a person")] string? OrganisationId, [property: NotPersonalData("key or kind of an organisation, not a person")] string? OrganisationKind);

/// <summary>Identity shared with a partner under category <c>identity</c>.</summary>
/// <param name="GivenName">Given name.</param>
/// <param name="FamilyName">Family name.</param>
/// <param name="BirthDate">Birth date.</param>
public sealed record ReferredPerson(
    [property: PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.ReferralRetention, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] string GivenName,
    [property: PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.ReferralRetention, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] string FamilyName,
    [property: PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.ReferralRetention, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] DateOnly BirthDate);

/// <summary>A need shared under category <c>needs</c>.</summary>
/// <param name="LifeArea">Life area.</param>
/// <param name="Description">The need.</param>
public sealed record ReferredNeed(
    [property: PersonalData(PersonalDataCategory.Needs, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69 | LegalBases.GdprArt9Para2A, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.ReferralRetention, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob, Special = true)] string LifeArea,
    [property: PersonalData(PersonalDataCategory.Needs, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69 | LegalBases.GdprArt9Para2A, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.ReferralRetention, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob, Special = true)] string Description);

/// <summary>A goal shared under category <c>goals</c>.</summary>
/// <param name="LifeArea">Life area.</param>
/// <param name="Description">The goal.</param>
/// <param name="DueDate">When it is due.</param>
public sealed record ReferredGoal(
    [property: PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.ReferralRetention, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] string LifeArea,
    [property: PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.ReferralRetention, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] string Description,
    [property: PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.ReferralRetention, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] DateOnly DueDate);

/// <summary>A household member shared under category <c>household</c>.</summary>
/// <param name="Relation">Relation to the person.</param>
/// <param name="GivenName">Given name.</param>
/// <param name="BirthYear">Birth year, if known.</param>
public sealed record ReferredHouseholdMember(
    [property: PersonalData(PersonalDataCategory.Household, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.ReferralRetention, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] string Relation,
    [property: PersonalData(PersonalDataCategory.Household, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.ReferralRetention, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] string GivenName,
    [property: PersonalData(PersonalDataCategory.Household, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.PartnersService | DataRecipients.ConsentedPartners, RetentionRule.ReferralRetention, DeletionPaths.OutboxCleanup | DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] int? BirthYear);

/// <summary>A case was assigned to another case manager.</summary>
public sealed record CaseAssigned : AggregateEvent
{
    /// <summary>Pseudonymous case id.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67C, DataRecipients.ReportingService | DataRecipients.PartnersService | DataRecipients.CasesService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid CaseId { get; init; }
    /// <summary>Key of the organisation running the case.</summary>
    [NotPersonalData("key of an organisation, not of a person")]
    public required string OrganisationId { get; init; }
    /// <summary>User id of the case manager now responsible; reporting keeps only a keyed hash of it.</summary>
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1C | LegalBases.EmploymentArt88, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string CaseManagerId { get; init; }
}
