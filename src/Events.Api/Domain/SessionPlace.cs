using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Events.Api.Domain;

/// <summary>A registration's place in one chosen session; waits while the registration waits for the event.</summary>
public sealed class SessionPlace
{
    private SessionPlace()
    {
    }

    public SessionPlace(Guid sessionId, PlaceStatus status)
    {
        SessionId = sessionId;
        Status = status;
    }

    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public Guid SessionId { get; private set; }
    [PersonalData(PersonalDataCategory.Participation, ProcessingPurposes.EventRegistration, LegalBases.GdprArt6Para1A, DataRecipients.Coordination | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public PlaceStatus Status { get; private set; }

    internal void Move(PlaceStatus status) => Status = status;
}
