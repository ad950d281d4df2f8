namespace KimPlatform.Events.Api.Domain;

public enum EventFormat
{
    WorldCafe,
    Conference,
    Workshop,
    Kickoff,
    SteeringMeeting,
    WorkingGroup,
    Information,
}

public enum ParticipantGroup
{
    Newcomer,
    Volunteer,
    Professional,
    Other,
}

/// <summary>Where a registration stands, at the event or in one session.</summary>
public enum PlaceStatus
{
    Confirmed,
    Waitlisted,
    Cancelled,
}
