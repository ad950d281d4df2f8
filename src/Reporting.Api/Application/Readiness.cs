namespace KimPlatform.Reporting.Api.Application;

/// <summary>What a projection can do with an event now.</summary>
public enum Readiness
{
    /// <summary>Applied: its predecessors were in.</summary>
    Applied,

    /// <summary>A predecessor is missing: keep it until that arrives.</summary>
    Wait,

    /// <summary>Stale or a repetition under another message id: it changes nothing.</summary>
    Drop,
}
