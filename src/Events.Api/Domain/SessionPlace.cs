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

    public Guid SessionId { get; private set; }
    public PlaceStatus Status { get; private set; }

    internal void Move(PlaceStatus status) => Status = status;
}
