namespace KimPlatform.Reporting.Api.Domain;

/// <summary>
/// An event that arrived before its predecessors (they travel on other queues), kept until they have been applied.
/// The payload is the pseudonymised event: keyed hashes instead of ids, the month instead of the time.
/// </summary>
public sealed class PendingEvent
{
    /// <summary>Keyed hash of the event id.</summary>
    public Guid Id { get; set; }
    public required string TenantId { get; set; }

    /// <summary>The aggregate's pseudonymous key (the case's, the referral's or the Veranstaltung's).</summary>
    public Guid Key { get; set; }
    public long Version { get; set; }
    public required string MessageType { get; set; }
    public required string Payload { get; set; }
}
