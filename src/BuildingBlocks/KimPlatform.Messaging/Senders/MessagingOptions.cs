namespace KimPlatform.Messaging.Senders;

/// <summary>Who this service is on the broker (<c>Messaging</c> section).</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>
    /// The service's name (<c>cases</c>, <c>partners</c> …), by default its application name without <c>.Api</c>, lower
    /// case. Its broker user has the same name, and its queues start with <c>{Service}-</c>.
    /// </summary>
    public string? Service { get; set; }

    /// <summary>Prefix of the queue names; default <c>{Service}-</c>. Test hosts give each their own.</summary>
    public string? EndpointPrefix { get; set; }

    /// <summary>
    /// Refuse integration events whose broker-verified sender (the AMQP <c>user-id</c>) is not the service that owns the
    /// type (<see cref="Contracts.IntegrationEventOwners"/>). Default true; only in-process test hosts, which play every
    /// service on one broker user, switch it off.
    /// </summary>
    public bool VerifySender { get; set; } = true;

    /// <summary>
    /// Take events that another service re-publishes for a reporting rebuild (<see cref="Contracts.IntegrationEvent.ReplayId"/>).
    /// Only the reporting service does; every other service drops them.
    /// </summary>
    public bool TakesReplays { get; set; }

    /// <summary>
    /// How many unacknowledged messages the broker hands each receive endpoint at once (<c>Messaging:PrefetchCount</c>);
    /// null keeps MassTransit's default.
    /// </summary>
    public ushort? PrefetchCount { get; set; }

    /// <summary>
    /// How many messages each receive endpoint's consumers handle at the same time (<c>Messaging:ConcurrentMessageLimit</c>);
    /// null keeps MassTransit's default, the prefetch count.
    /// </summary>
    public int? ConcurrentMessageLimit { get; set; }
}
