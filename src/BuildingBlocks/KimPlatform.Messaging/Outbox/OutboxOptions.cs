namespace KimPlatform.Messaging.Outbox;

/// <summary>Tuning of the outbox dispatcher (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>How many events one dispatch transaction publishes at most.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>How often the outbox is read without a wake-up: rows of another replica or process wait at most this long.</summary>
    public TimeSpan PollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one publish may wait for the broker's confirmation before the batch is retried.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause after a failed batch (broker or database down).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long dispatched events are kept for inspection before they are deleted.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often dispatched events older than <see cref="Retention"/> are deleted.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Per message type, the payload fields that hold personal data. They are set to null in the same transaction
    /// that marks the row published: the outbox keeps personal data only until the broker has it.
    /// </summary>
    public Dictionary<string, string[]> PersonalFields { get; } = new(StringComparer.Ordinal);
}
