namespace KimPlatform.Cases.Api.Tests.Support;

/// <summary>The system clock moved by a fixed offset: a host that runs "later" against the same database.</summary>
internal sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
