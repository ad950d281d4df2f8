using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Events.Api.Domain;

/// <summary>What came out of a table, session or round: the World Café's harvest, for the steering group.</summary>
public sealed class EventResult
{
    private EventResult()
    {
    }

    internal EventResult(Guid id, Guid? sessionId, int? round, IReadOnlyList<string> topics, string text, DateTimeOffset recordedAt)
    {
        Id = id;
        SessionId = sessionId;
        Round = round;
        Topics = topics;
        Text = text;
        RecordedAt = recordedAt;
    }

    [NotPersonalData("results of a table or session for the steering group, written without personal data")]
    public Guid Id { get; private set; }

    /// <summary>The table or session; null for the whole event (a plenary).</summary>
    [NotPersonalData("results of a table or session for the steering group, written without personal data")]
    public Guid? SessionId { get; private set; }

    /// <summary>The round of a World Café (1, 2, 3 …); null when there are no rounds.</summary>
    public int? Round { get; private set; }

    [NotPersonalData("results of a table or session for the steering group, written without personal data")]
    public IReadOnlyList<string> Topics { get; private set; } = [];
    [NotPersonalData("results of a table or session for the steering group, written without personal data")]
    public string Text { get; private set; } = "";
    [NotPersonalData("results of a table or session for the steering group, written without personal data")]
    public DateTimeOffset RecordedAt { get; private set; }
}
