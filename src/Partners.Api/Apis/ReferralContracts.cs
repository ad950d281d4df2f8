using KimPlatform.Contracts;
using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Apis;

public sealed record DeclineReferralRequest(string? Reason);

public sealed record CompleteReferralRequest(string? Outcome);

/// <summary>
/// A referral in the inbox. <c>redaction</c> (<c>consent-withdrawn</c> or <c>case-erased</c>) says why the personal
/// data is gone; the status stays as it was.
/// </summary>
public sealed record ReferralResponse(
    Guid Id, Guid CaseId, Guid OfferId, string ReferringOrganisationId, ReferralStatus Status, ReferralRedaction? Redaction,
    IReadOnlyList<string> DataCategories, string Municipality, ReferredPerson? Person, string? ResidenceStatus,
    IReadOnlyList<string>? Languages, IReadOnlyList<ReferredNeed>? Needs, IReadOnlyList<ReferredGoal>? Goals,
    IReadOnlyList<ReferredHouseholdMember>? Household, string? Note, string? DeclineReason, string? Outcome,
    Guid? MatchedVolunteerId, DateTimeOffset ReceivedAt, DateTimeOffset? AnsweredAt, DateTimeOffset? CompletedAt, long Version)
{
    public static ReferralResponse From(Referral referral) => new(
        referral.Id, referral.CaseId, referral.OfferId, referral.ReferringOrganisationId, referral.Status, referral.Redaction,
        referral.DataCategories, referral.Municipality, referral.Shared?.Person, referral.Shared?.ResidenceStatus, referral.Shared?.Languages,
        referral.Shared?.Needs, referral.Shared?.Goals, referral.Shared?.Household, referral.Shared?.Note, referral.DeclineReason,
        referral.Outcome, referral.MatchedVolunteerId, referral.ReceivedAt, referral.AnsweredAt, referral.CompletedAt, referral.Version);
}

public sealed record ReferralPage(IReadOnlyList<ReferralResponse> Items, int Page, int PageSize, int Total);
