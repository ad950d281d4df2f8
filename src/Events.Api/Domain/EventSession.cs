using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Events.Api.Domain;

/// <summary>A part of an event with places of its own: a parallel workshop, a café table, a round.</summary>
public sealed class EventSession
{
    private EventSession()
    {
    }

    public EventSession(Guid id, string title, int capacity)
    {
        Id = id;
        Title = title;
        Capacity = capacity;
    }

    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public Guid Id { get; private set; }
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public string Title { get; private set; } = "";
    public int Capacity { get; private set; }
}
