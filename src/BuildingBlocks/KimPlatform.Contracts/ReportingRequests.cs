using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Contracts;

// What the reporting service asks of the others. kim lets the reporting service's broker user publish the
// `…Requested` types of this file (launcher/infra.sh).

/// <summary>
/// Reporting has wiped its read models of <see cref="IntegrationEvent.TenantId"/> and asks every service to re-publish
/// the tenant's history, as the events it first published, each marked with <see cref="RebuildId"/> as its
/// <see cref="IntegrationEvent.ReplayId"/>.
/// </summary>
public sealed record ReportingRebuildRequested : IntegrationEvent
{
    /// <summary>The rebuild; replayed copies carry it, and their message ids derive from it.</summary>
    [NotPersonalData("id of an operator's rebuild")]
    public required Guid RebuildId { get; init; }
}
