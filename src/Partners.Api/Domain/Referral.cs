using KimPlatform.Contracts;
using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Partners.Api.Domain;

public enum ReferralStatus { Requested, Accepted, Declined, Completed }

/// <summary>Why a referral's personal data is gone: the consent was withdrawn, the case erased, or the retention period ran out.</summary>
public enum ReferralRedaction { ConsentWithdrawn, CaseErased, Retention }

/// <summary>
/// A referral in the addressed organisation's inbox, with the personal data the consent allowed the case manager to
/// share. Each answer raises the version once and queues its event, which carries the version so the case service
/// applies answers in order. Redaction removes the personal data and keeps the status.
/// </summary>
public sealed class Referral
{
    private readonly List<IntegrationEvent> _events = [];

    private Referral()
    {
    }

    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public Guid Id { get; private set; }
    [NotPersonalData("key of the tenant (a county)")]
    public string TenantId { get; private set; } = "";
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public Guid CaseId { get; private set; }
    [NotPersonalData("key of a public offer")]
    public Guid OfferId { get; private set; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public string PartnerOrganisationId { get; private set; } = "";
    [NotPersonalData("key of an organisation, not of a person")]
    public string ReferringOrganisationId { get; private set; } = "";
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public Guid ConsentId { get; private set; }
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public IReadOnlyList<string> DataCategories { get; private set; } = [];
    [PersonalData(PersonalDataCategory.PlaceOfResidence, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public string Municipality { get; private set; } = "";

    /// <summary>The personal data shared under the consent; null once redacted.</summary>
    // The document as a whole: it can hold needs and the note (Art. 9); what each part is, its own declaration says.
    [PersonalData(PersonalDataCategory.SharedCaseData, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69 | LegalBases.GdprArt9Para2A, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.ReferralRetention, DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob, Special = true)]
    public ReferralSharedData? Shared { get; private set; }

    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public ReferralStatus Status { get; private set; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69 | LegalBases.GdprArt9Para2A, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.ReferralRetention, DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob, Special = true)]
    public string? DeclineReason { get; private set; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69 | LegalBases.GdprArt9Para2A, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.ReferralRetention, DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob, Special = true)]
    public string? Outcome { get; private set; }
    [NotPersonalData("why the shared data was removed")]
    public ReferralRedaction? Redaction { get; private set; }

    /// <summary>The volunteer matched to an accepted mentoring referral; never sent to the case service.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.Referral | ProcessingPurposes.VolunteerPool, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.ReferralRetention, DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)]
    public Guid? MatchedVolunteerId { get; private set; }
    public long Version { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset ReceivedAt { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset? AnsweredAt { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset? CompletedAt { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset? RedactedAt { get; private set; }

    public IReadOnlyList<IntegrationEvent> Events => _events.AsReadOnly();

    public static Referral Receive(ReferralRequested requested, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requested);
        return new Referral
        {
            Id = requested.ReferralId, TenantId = requested.TenantId, CaseId = requested.CaseId, OfferId = requested.OfferId,
            PartnerOrganisationId = requested.PartnerOrganisationId, ReferringOrganisationId = requested.ReferringOrganisationId,
            ConsentId = requested.ConsentId, DataCategories = requested.DataCategories, Municipality = requested.Municipality,
            Shared = new ReferralSharedData(requested.Person, requested.ResidenceStatus, requested.Languages, requested.Needs,
                requested.Goals, requested.Household, requested.Note),
            Status = ReferralStatus.Requested, Version = 1, ReceivedAt = now,
        };
    }

    public void Accept(DateTimeOffset now)
    {
        Require(Status == ReferralStatus.Requested, "Only a requested referral can be accepted.");
        Status = ReferralStatus.Accepted;
        AnsweredAt = now;
        Version++;
        _events.Add(new ReferralAccepted
        {
            EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version, ReferralId = Id, CaseId = CaseId,
            PartnerOrganisationId = PartnerOrganisationId, DaysToAnswer = DaysSinceReceived(now),
        });
    }

    public void Decline(string reason, DateTimeOffset now)
    {
        Require(Status is ReferralStatus.Requested or ReferralStatus.Accepted, "Only a requested or accepted referral can be declined.");
        Status = ReferralStatus.Declined;
        DeclineReason = reason;
        AnsweredAt ??= now;
        Version++;
        _events.Add(new ReferralDeclined
        {
            EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version, ReferralId = Id, CaseId = CaseId,
            PartnerOrganisationId = PartnerOrganisationId, Reason = reason, DaysToAnswer = DaysSinceReceived(AnsweredAt ?? now),
        });
    }

    public void Complete(string outcome, DateTimeOffset now)
    {
        Require(Status == ReferralStatus.Accepted, "Only an accepted referral can be completed.");
        Status = ReferralStatus.Completed;
        Outcome = outcome;
        CompletedAt = now;
        Version++;
        _events.Add(new ReferralCompleted
        {
            EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version, ReferralId = Id, CaseId = CaseId,
            PartnerOrganisationId = PartnerOrganisationId, Outcome = outcome,
        });
    }

    /// <summary>
    /// Whether the referred person is a minor or brings minors along, as far as the shared data tells: a birth date
    /// under 18, or a household member born less than 18 years ago.
    /// </summary>
    public bool InvolvesMinors(DateOnly today) =>
        (Shared?.Person is { } person && person.BirthDate.AddYears(18) > today)
        || (Shared?.Household ?? []).Any(member => member.BirthYear is { } year && today.Year - year < 18);

    /// <summary>Matches a volunteer; the obstacles are the volunteer's checks. No event: the case learns only "accepted".</summary>
    public void Match(Volunteer volunteer, bool offerForMinors, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(volunteer);
        Require(Status == ReferralStatus.Accepted, "Only an accepted referral can be matched to a volunteer.");
        var obstacles = volunteer.ObstaclesTo(this, offerForMinors || InvolvesMinors(today), today);
        if (obstacles.Count > 0)
        {
            throw new BusinessRuleException(string.Join(" ", obstacles));
        }

        MatchedVolunteerId = volunteer.Id;
        Version++;
    }

    /// <summary>
    /// Removes everything personal: the shared data and the free texts written about the person. The status stays;
    /// a second redaction keeps the first reason.
    /// </summary>
    public void Redact(ReferralRedaction reason, DateTimeOffset now)
    {
        if (Redaction is not null)
        {
            return;
        }

        Shared = null;
        MatchedVolunteerId = null;
        DeclineReason = null;
        Outcome = null;
        Redaction = reason;
        RedactedAt = now;
        Version++;
    }

    private static void Require(bool allowed, string message)
    {
        if (!allowed)
        {
            throw new StatusConflictException(message);
        }
    }

    private int DaysSinceReceived(DateTimeOffset answeredAt) =>
        Math.Max(0, DateOnly.FromDateTime(answeredAt.UtcDateTime).DayNumber - DateOnly.FromDateTime(ReceivedAt.UtcDateTime).DayNumber);
}

/// <summary>What the consent let the case manager share, exactly as the case service sent it.</summary>
public sealed record ReferralSharedData(
    [property: PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.ReferralRetention, DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] ReferredPerson? Person,
    [property: PersonalData(PersonalDataCategory.ResidenceStatus, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.ReferralRetention, DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] string? ResidenceStatus,
    [property: PersonalData(PersonalDataCategory.Languages, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.ReferralRetention, DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] IReadOnlyList<string>? Languages,
    [property: PersonalData(PersonalDataCategory.Needs, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69 | LegalBases.GdprArt9Para2A, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.ReferralRetention, DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob, Special = true)] IReadOnlyList<ReferredNeed>? Needs,
    [property: PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.ReferralRetention, DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] IReadOnlyList<ReferredGoal>? Goals,
    [property: PersonalData(PersonalDataCategory.Household, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.ReferralRetention, DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob)] IReadOnlyList<ReferredHouseholdMember>? Household,
    [property: PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B | LegalBases.SgbX69 | LegalBases.GdprArt9Para2A, DataRecipients.HoldingOrganisation | DataRecipients.CasesService, RetentionRule.ReferralRetention, DeletionPaths.ConsentWithdrawal | DeletionPaths.CaseErasure | DeletionPaths.PartnerRetentionJob, Special = true)] string? Note);
