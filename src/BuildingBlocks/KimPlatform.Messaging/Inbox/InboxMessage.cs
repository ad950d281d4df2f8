using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Messaging.Inbox;

/// <summary>Records that a consumer applied a message, in the same transaction as the consumer's effects.</summary>
public sealed class InboxMessage
{
    /// <summary>The MassTransit message id (the sender's outbox id).</summary>
    [NotPersonalData("inbox bookkeeping: a message id, a consumer name and a time")]
    public Guid MessageId { get; set; }

    /// <summary>The consumer that applied it; several consumers may each apply the same message once.</summary>
    [NotPersonalData("inbox bookkeeping: a message id, a consumer name and a time")]
    public string Consumer { get; set; } = "";

    [NotPersonalData("inbox bookkeeping: a message id, a consumer name and a time")]
    public DateTimeOffset ProcessedAt { get; set; }
}
