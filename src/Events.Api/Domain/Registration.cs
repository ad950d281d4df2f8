using System.Security.Cryptography;
using System.Text;

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

    public Guid Id { get; private set; }
    public string TenantId { get; private set; } = "";
    public Guid EventId { get; private set; }

    /// <summary>Arrival order within the event: the waiting list is served in this order.</summary>
    public long Sequence { get; private set; }

    public PlaceStatus Status { get; private set; }

    // Personal data; null once retention has removed it.
    public string? Name { get; private set; }
    public string? Email { get; private set; }
    public string? EmailKey { get; private set; }
    public string? Organisation { get; private set; }
    public Needs? Needs { get; private set; }

    public ParticipantGroup ParticipantGroup { get; private set; }
    public bool PhotoConsent { get; private set; }

    /// <summary>The consent text the registrant was shown and agreed to, kept as evidence of what was agreed.</summary>
    public string? ConsentText { get; private set; }
    public DateTimeOffset ConsentGivenAt { get; private set; }

    public string CancelTokenHash { get; private set; } = "";
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? CheckedInAt { get; private set; }

    /// <summary>Whether the registrant has answered the survey; what they answered is not linked to them.</summary>
    public bool FeedbackGiven { get; private set; }

    /// <summary>When retention removed who the person is; status, group, sessions and attendance stay for the counts.</summary>
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
