using KimPlatform.Cases.Api.Application.DataMap;
using KimPlatform.Cases.Api.Domain;

namespace KimPlatform.Cases.Api.Apis;

public sealed record PersonResponse(
    string GivenName, string FamilyName, DateOnly BirthDate, Gender? Gender, string? Nationality, IReadOnlyList<string> Languages,
    ResidenceStatus ResidenceStatus, DateOnly? ArrivalDate, string Municipality, IReadOnlyList<HouseholdMemberResponse> Household,
    string? Email = null);

public sealed record HouseholdMemberResponse(HouseholdRelation Relation, string GivenName, int? BirthYear);

public sealed record NeedResponse(LifeArea LifeArea, string Description);

public sealed record GoalResponse(Guid Id, LifeArea LifeArea, string Description, DateOnly DueDate, GoalStatus Status, IReadOnlyList<GoalProgressResponse> Progress);

public sealed record GoalProgressResponse(GoalStatus Status, string? Note, DateTimeOffset At, string By);

public sealed record ContactResponse(Guid Id, DateOnly Date, ContactChannel Channel, string? Note, string By);

public sealed record ConsentResponse(
    Guid Id, string Purpose, IReadOnlyList<ConsentRecipientResponse> Recipients, IReadOnlyList<DataCategory> DataCategories, ConsentForm Form,
    DateOnly? ValidUntil, DateTimeOffset GivenAt, DateTimeOffset? WithdrawnAt, string TemplateKey, int TemplateVersion, string Language);

public sealed record ConsentRecipientResponse(string? OrganisationId, OrganisationKind? OrganisationKind);

public sealed record ConsentReceipt(
    Guid ConsentId, string Language, string Direction, string Title, string Text, string TemplateKey, int TemplateVersion,
    DateTimeOffset GivenAt, DateOnly? ValidUntil, DateTimeOffset? WithdrawnAt, ConsentForm Form)
{
    public static ConsentReceipt From(Consent consent) => new(
        consent.Id, consent.Language, consent.RightToLeft ? "rtl" : "ltr", consent.Title, consent.Text, consent.TemplateKey,
        consent.TemplateVersion, consent.GivenAt, consent.ValidUntil, consent.WithdrawnAt, consent.Form);
}

public sealed record ReferralResponse(
    Guid Id, Guid OfferId, string PartnerOrganisationId, Guid ConsentId, string? Note, ReferralStatus Status,
    DateTimeOffset RequestedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? CompletedAt, string? DeclineReason, string? Outcome);

public sealed record FindingResponse(Guid Id, LifeArea LifeArea, string Theme, string Description, DateTimeOffset ReportedAt);

public sealed record CaseResponse(
    Guid Id, CasePhase Phase, long Version, string OrganisationId, string? AssignedCaseManagerId, PersonResponse? Person,
    IReadOnlyList<TargetGroup> TargetGroups, Reachability Reachability, DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt,
    CloseReason? CloseReason, CloseOutcome? CloseOutcome, DateTimeOffset? ErasedAt,
    IReadOnlyList<NeedResponse> Needs, IReadOnlyList<GoalResponse> Goals, IReadOnlyList<ContactResponse> Contacts,
    IReadOnlyList<ConsentResponse> Consents, IReadOnlyList<ReferralResponse> Referrals, IReadOnlyList<FindingResponse> Findings)
{
    public static CaseResponse From(Case c) => new(
        c.Id, c.Phase, c.Version, c.OrganisationId, c.AssignedCaseManagerId,
        c.Person is { } p
            ? new PersonResponse(p.GivenName, p.FamilyName, p.BirthDate, p.Gender, p.Nationality, p.Languages, p.ResidenceStatus,
                p.ArrivalDate, p.Municipality, p.Household.Select(m => new HouseholdMemberResponse(m.Relation, m.GivenName, m.BirthYear)).ToArray(),
                p.Email)
            : null,
        c.TargetGroups, c.Reachability, c.OpenedAt, c.ClosedAt, c.CloseReason, c.CloseOutcome, c.ErasedAt,
        c.Needs.Select(n => new NeedResponse(n.LifeArea, n.Description)).ToArray(),
        c.Goals.Select(g => new GoalResponse(g.Id, g.LifeArea, g.Description, g.DueDate, g.Status,
            g.Progress.Select(n => new GoalProgressResponse(n.Status, n.Note, n.At, n.By)).ToArray())).ToArray(),
        c.Contacts.Select(x => new ContactResponse(x.Id, x.Date, x.Channel, x.Note, x.By)).ToArray(),
        c.Consents.Select(ConsentFrom).ToArray(),
        c.Referrals.Select(ReferralFrom).ToArray(),
        c.Findings.Select(f => new FindingResponse(f.Id, f.LifeArea, f.Theme, f.Description, f.ReportedAt)).ToArray());

    public static ConsentResponse ConsentFrom(Consent x) => new(
        x.Id, x.Purpose, x.Recipients.Select(r => new ConsentRecipientResponse(r.OrganisationId, r.OrganisationKind)).ToArray(),
        x.DataCategories, x.Form, x.ValidUntil, x.GivenAt, x.WithdrawnAt, x.TemplateKey, x.TemplateVersion, x.Language);

    public static ReferralResponse ReferralFrom(Referral r) => new(
        r.Id, r.OfferId, r.PartnerOrganisationId, r.ConsentId, r.Note, r.Status, r.RequestedAt, r.AnsweredAt, r.CompletedAt,
        r.DeclineReason, r.Outcome);
}

public sealed record CaseSummary(
    Guid Id, CasePhase Phase, long Version, string? GivenName, string? FamilyName, DateOnly? BirthDate, string Municipality,
    string? AssignedCaseManagerId, DateTimeOffset OpenedAt);

public sealed record CasePage(IReadOnlyList<CaseSummary> Items, int Page, int PageSize, int Total);

public sealed record CaseloadEntry(string CaseManagerId, int OpenCases);

public sealed record AuditEntryResponse(
    Guid Id, string UserId, string OrganisationId, string Action, IReadOnlyList<string> Fields, string? Outcome, DateTimeOffset At);

/// <summary>Everything held about the person (Art. 15): the case, the consent texts, the audit trail, and what the other services hold.</summary>
public sealed record CaseExport(
    DateTimeOffset ExportedAt, CaseResponse Case, IReadOnlyList<ConsentReceipt> ConsentTexts, IReadOnlyList<AuditEntryResponse> Audit,
    IReadOnlyList<HeldElsewhere>? HeldElsewhere = null);
