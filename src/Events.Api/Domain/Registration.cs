using System.Security.Cryptography;
using System.Text;
using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Events.Api.Domain;

/// <summary>
/// One person's registration for an event. Part of the <see cref="Event"/> aggregate, because the capacity rule
/// spans all registrations of an event; only the event changes it.
/// </summary>
public sealed class Registration
{
    private readonly List<SessionPlace> _sessions = [];

    private Registration()
    {
    }

    internal Registration(
        Guid id, string tenantId, Guid eventId, long sequence, Applicant applicant, string cancelToken, DateTimeOffset now)
    {
        Id = id;
        TenantId = tenantId;
        EventId = eventId;
        Sequence = sequence;
        Name = applicant.Name;
        Email = applicant.Email;
        EmailKey = KeyOf(applicant.Email);
        Organisation = applicant.Organisation;
        ParticipantGroup = applicant.ParticipantGroup;
        Needs = applicant.Needs;
        PhotoConsent = applicant.PhotoConsent;
        ConsentText = applicant.ConsentText;
        ConsentGivenAt = now;
        CancelTokenHash = HashOf(cancelToken);
        RegisteredAt = now;
    }

    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public Guid Id { get; private set; }
    [NotPersonalData("key of the tenant (a county)")]
    public string TenantId { get; private set; } = "";
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public Guid EventId { get; private set; }

    /// <summary>Arrival order within the event: the waiting list is served in this order.</summary>
    public long Sequence { get; private set; }

    [PersonalData(PersonalDataCategory.Participation, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public PlaceStatus Status { get; private set; }

    // Personal data; null once retention has removed it.
    [PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.EventRetention, DeletionPaths.RegistrationRetentionJob)]
    public string? Name { get; private set; }
    [PersonalData(PersonalDataCategory.Contact, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.EventRetention, DeletionPaths.RegistrationRetentionJob)]
    public string? Email { get; private set; }
    [PersonalData(PersonalDataCategory.Contact, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.EventRetention, DeletionPaths.RegistrationRetentionJob)]
    public string? EmailKey { get; private set; }
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.EventRetention, DeletionPaths.RegistrationRetentionJob)]
    public string? Organisation { get; private set; }
    [PersonalData(PersonalDataCategory.ParticipationNeeds, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A | LegalBases.GdprArt9Para2A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.EventRetention, DeletionPaths.RegistrationRetentionJob, Special = true)]
    public Needs? Needs { get; private set; }

    [PersonalData(PersonalDataCategory.Participation, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public ParticipantGroup ParticipantGroup { get; private set; }
    public bool PhotoConsent { get; private set; }

    /// <summary>The consent text the registrant was shown and agreed to, kept as evidence of what was agreed.</summary>
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public string? ConsentText { get; private set; }
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset ConsentGivenAt { get; private set; }

    [NotPersonalData("hash of the cancel token, a credential not a fact about the person")]
    public string CancelTokenHash { get; private set; } = "";
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset RegisteredAt { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset? CancelledAt { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset? CheckedInAt { get; private set; }

    /// <summary>Whether the registrant has answered the survey; what they answered is not linked to them.</summary>
    public bool FeedbackGiven { get; private set; }

    /// <summary>When retention removed who the person is; status, group, sessions and attendance stay for the counts.</summary>
    [NotPersonalData("when retention removed the personal data; a date about the deletion, not the person")]
    public DateTimeOffset? PersonalDataRemovedAt { get; private set; }

    public IReadOnlyList<SessionPlace> Sessions => _sessions.AsReadOnly();

    public bool IsActive => Status != PlaceStatus.Cancelled;

    public static string KeyOf(string email) => email.Trim().ToUpperInvariant();

    public bool HasCancelToken(string? token) =>
        token is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(HashOf(token)), Encoding.ASCII.GetBytes(CancelTokenHash));

    internal void Choose(IEnumerable<Guid> sessionIds) =>
        _sessions.AddRange(sessionIds.Select(id => new SessionPlace(id, PlaceStatus.Waitlisted)));

    internal void Place(PlaceStatus status) => Status = status;

    internal void Cancel(DateTimeOffset now)
    {
        Status = PlaceStatus.Cancelled;
        CancelledAt = now;
        foreach (var place in _sessions)
        {
            place.Move(PlaceStatus.Cancelled);
        }
    }

    internal void CheckIn(DateTimeOffset now) => CheckedInAt ??= now;

    internal void MarkFeedbackGiven() => FeedbackGiven = true;

    internal void RemovePersonalData(DateTimeOffset now)
    {
        Name = null;
        Email = null;
        EmailKey = null;
        Organisation = null;
        Needs = null;
        PersonalDataRemovedAt = now;
    }

    private static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>What a registrant enters.</summary>
public sealed record Applicant(
    string Name, string Email, string? Organisation, ParticipantGroup ParticipantGroup, Needs Needs,
    IReadOnlyList<Guid> SessionIds, bool PhotoConsent, string ConsentText);
