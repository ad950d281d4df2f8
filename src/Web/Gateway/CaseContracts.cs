namespace KimPlatform.Web.Gateway;

// The case service's shapes as the workspace shows them (GET /api/cases/{id}, the list, the audit, the receipt).

public sealed record CasePerson(
    string GivenName, string FamilyName, DateOnly BirthDate, string? Gender, string? Nationality, IReadOnlyList<string> Languages,
    string ResidenceStatus, DateOnly? ArrivalDate, string Municipality);

public sealed record CaseNeed(string LifeArea, string Description);

public sealed record CaseGoalProgress(string Status, string? Note, DateTimeOffset At, string By);

public sealed record CaseGoal(Guid Id, string LifeArea, string Description, DateOnly DueDate, string Status, IReadOnlyList<CaseGoalProgress> Progress);

public sealed record CaseContact(Guid Id, DateOnly Date, string Channel, string? Note, string By);

public sealed record ConsentRecipient(string? OrganisationId, string? OrganisationKind);

public sealed record CaseConsent(
    Guid Id, string Purpose, IReadOnlyList<ConsentRecipient> Recipients, IReadOnlyList<string> DataCategories, string Form, DateOnly? ValidUntil,
    DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt, string Language);

public sealed record CaseReferral(
    Guid Id, Guid OfferId, string PartnerOrganisationId, Guid ConsentId, string? Note, string Status, DateTimeOffset RequestedAt,
    DateTimeOffset? AnsweredAt, DateTimeOffset? CompletedAt, string? DeclineReason, string? Outcome);

public sealed record CaseFinding(Guid Id, string LifeArea, string Theme, string Description, DateTimeOffset ReportedAt);

public sealed record CaseDetail(
    Guid Id, string Phase, long Version, string OrganisationId, string? AssignedCaseManagerId, CasePerson? Person,
    IReadOnlyList<string> TargetGroups, string Reachability, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, DateTimeOffset? ErasedAt,
    IReadOnlyList<CaseNeed> Needs, IReadOnlyList<CaseGoal> Goals, IReadOnlyList<CaseContact> Contacts, IReadOnlyList<CaseConsent> Consents,
    IReadOnlyList<CaseReferral> Referrals, IReadOnlyList<CaseFinding> Findings)
{
    /// <summary>The ETag the case service gives this version, for If-Match.</summary>
    public string ETag => $"\"{Version}\"";
}

public sealed record CaseSummary(
    Guid Id, string Phase, long Version, string? GivenName, string? FamilyName, DateOnly? BirthDate, string Municipality,
    string? AssignedCaseManagerId, DateTimeOffset OpenedAt);

public sealed record CaseloadEntry(string CaseManagerId, int OpenCases);

public sealed record DuplicateCheck(bool ExistsElsewhere, IReadOnlyList<string> Organisations);

public sealed record AuditEntry(Guid Id, string UserId, string OrganisationId, string Action, IReadOnlyList<string> Fields, string? Outcome, DateTimeOffset At);

public sealed record ConsentReceipt(
    Guid ConsentId, string Language, string Direction, string Title, string Text, DateTimeOffset GivenAt, DateOnly? ValidUntil,
    DateTimeOffset? WithdrawnAt, string Form);

public sealed record InboxReferralPerson(string? GivenName, string? FamilyName, DateOnly? BirthDate);

public sealed record InboxReferral(
    Guid Id, Guid CaseId, Guid OfferId, string ReferringOrganisationId, string Status, string? Redaction, IReadOnlyList<string> DataCategories,
    string Municipality, InboxReferralPerson? Person, IReadOnlyList<string>? Languages, IReadOnlyList<CaseNeed>? Needs, string? Note,
    string? DeclineReason, string? Outcome, Guid? MatchedVolunteerId, DateTimeOffset ReceivedAt);

public sealed record Volunteer(Guid Id, string Name, string? Email, IReadOnlyList<string> Languages, IReadOnlyList<string> Skills, IReadOnlyList<string> Municipalities);

public sealed record ConsentTemplate(string? Key, string Language, string Title, string Body, bool RightToLeft, string UntilWithdrawn);
