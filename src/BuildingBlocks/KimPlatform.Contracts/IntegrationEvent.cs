namespace KimPlatform.Contracts;

/// <summary>
/// What every integration event carries. Changes to events are additive; a breaking change is a new type.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique id of this event; also the MassTransit message id when it leaves the outbox.</summary>
    Guid EventId { get; }

    /// <summary>Key of the tenant (KIM body) the event belongs to, e.g. <c>kreis-guetersloh</c>.</summary>
    string TenantId { get; }

    /// <summary>When the change happened.</summary>
    DateTimeOffset OccurredAt { get; }
}

/// <summary>An event about one aggregate; <see cref="Version"/> lets consumers ignore stale or repeated events.</summary>
public interface IAggregateEvent : IIntegrationEvent
{
    /// <summary>The aggregate's version after the change (1 for the first).</summary>
    long Version { get; }
}
