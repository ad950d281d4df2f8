using KimPlatform.Contracts;

namespace KimPlatform.Events.Api.Application.Replay;

/// <summary>Which events of Veranstaltungen the service keeps for a reporting rebuild: those reporting consumes.</summary>
public static class EventReplay
{
    public static IntegrationEvent? ForReplay(IntegrationEvent published) => published switch
    {
        EventScheduled or RegistrationConfirmed or RegistrationWaitlisted or RegistrationPromoted or RegistrationCancelled
            or AttendanceRecorded or FeedbackGiven => published,
        _ => null,
    };
}
