using System.Diagnostics.Metrics;

namespace KimPlatform.Messaging.Outbox;

/// <summary>
/// The outbox dispatcher's counters (meter <c>KimPlatform.Messaging</c>), tagged with the database: events published,
/// dispatch attempts that failed (broker or database down), and rows set aside as impossible to publish.
/// </summary>
public sealed class OutboxMetrics
{
    /// <summary>The meter's name, for exporters and listeners.</summary>
    public const string MeterName = "KimPlatform.Messaging";

    private readonly Counter<long> _published;
    private readonly Counter<long> _failedAttempts;
    private readonly Counter<long> _quarantined;

    /// <summary>Creates the counters on the host's meter factory, so that each host's meter is its own.</summary>
    public OutboxMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("kim.outbox.published", "{event}", "Outbox events the broker confirmed");
        _failedAttempts = meter.CreateCounter<long>("kim.outbox.dispatch_failures", "{attempt}", "Dispatch attempts that failed and will be retried");
        _quarantined = meter.CreateCounter<long>("kim.outbox.quarantined", "{event}", "Outbox rows that can never be published and were set aside");
    }

    internal void Published(string database, int count) => _published.Add(count, Tag(database));

    internal void DispatchFailed(string database) => _failedAttempts.Add(1, Tag(database));

    internal void Quarantined(string database) => _quarantined.Add(1, Tag(database));

    private static KeyValuePair<string, object?> Tag(string database) => new("kim.database", database);
}
