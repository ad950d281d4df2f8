using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Contracts;

/// <summary>
/// The envelope every integration event carries. Changes to events are additive; a breaking change is a new type.
/// MassTransit routes by the concrete type's namespace and name; the base types get no exchanges of their own.
/// </summary>
public abstract record IntegrationEvent
{
    /// <summary>Unique id of this event; also the MassTransit message id when it leaves the outbox.</summary>
    [NotPersonalData("envelope of every integration event")]
    public required Guid EventId { get; init; }

    /// <summary>Key of the tenant (KIM body) the event belongs to, e.g. <c>kreis-guetersloh</c>.</summary>
    [NotPersonalData("envelope of every integration event")]
    public required string TenantId { get; init; }

    /// <summary>When the change happened.</summary>
    [NotPersonalData("envelope of every integration event")]
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// Set when a service re-publishes the event from its history for a reporting rebuild: the rebuild's id. Only
    /// consumers that rebuild read models take such a copy; every other consumer drops it.
    /// </summary>
    [NotPersonalData("envelope of every integration event")]
    public Guid? ReplayId { get; init; }
}

/// <summary>An event about one aggregate; <see cref="Version"/> lets consumers ignore stale or repeated events.</summary>
public abstract record AggregateEvent : IntegrationEvent
{
    /// <summary>The aggregate's version after the change (1 for the first).</summary>
    public required long Version { get; init; }
}
