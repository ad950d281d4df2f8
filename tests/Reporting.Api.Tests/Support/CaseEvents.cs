using KimPlatform.Contracts;

namespace KimPlatform.Reporting.Api.Tests.Support;

/// <summary>
/// The events of one case as the case service raises them: versions counted up per change, a phase change naming the
/// version at which the case entered its from-phase, and the days spent there.
/// </summary>
internal sealed class CaseEvents(
    string tenant, string municipality = "Rietberg", string ageBand = "27-44", string residenceStatus = "asylum-seeker",
    string[]? targetGroups = null, string reachability = "medium", string caseManager = "cm-1")
{
    private DateTimeOffset _phaseEnteredAt;
    private DateTimeOffset _openedAt;
    private long _phaseEnteredVersion = 1;
    private string _phase = "intake";

    public Guid CaseId { get; } = Guid.CreateVersion7();
    public long Version { get; private set; }

    public static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    public CaseOpened Opened(DateTimeOffset? at = null)
    {
        _openedAt = _phaseEnteredAt = at ?? DateTimeOffset.UtcNow;
        Version = 1;
        return new()
        {
            EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = _openedAt, Version = 1, CaseId = CaseId,
            OrganisationId = "stadt-rietberg", Municipality = municipality, AgeBand = ageBand, ResidenceStatus = residenceStatus,
            TargetGroups = targetGroups ?? ["families"], Reachability = reachability, CaseManagerId = caseManager,
        };
    }

    /// <summary>The next phase change (one change: the version rises once).</summary>
    public CasePhaseChanged MovedTo(string phase, DateTimeOffset? at = null)
    {
        var when = at ?? DateTimeOffset.UtcNow;
        Version++;
        var changed = new CasePhaseChanged
        {
            EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = when, Version = Version, CaseId = CaseId,
            OrganisationId = "stadt-rietberg", FromPhase = _phase, ToPhase = phase, PreviousVersion = _phaseEnteredVersion,
            DaysInPreviousPhase = Days(_phaseEnteredAt, when),
        };
        (_phase, _phaseEnteredVersion, _phaseEnteredAt) = (phase, Version, when);
        return changed;
    }

    /// <summary>A change without an event reporting follows (a contact logged): only the version rises.</summary>
    public void Touched() => Version++;

    /// <summary>The closure that goes with the last phase change (same version).</summary>
    public CaseClosed Closed(string reason = "goals-achieved", string outcome = "achieved") => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = _phaseEnteredAt, Version = Version, CaseId = CaseId,
        OrganisationId = "stadt-rietberg", Reason = reason, Outcome = outcome, DaysOpen = Days(_openedAt, _phaseEnteredAt),
    };

    public GoalAgreed GoalAgreed(Guid goalId, string lifeArea) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = _phaseEnteredAt, Version = Version, CaseId = CaseId,
        OrganisationId = "stadt-rietberg", GoalId = goalId, LifeArea = lifeArea, DueDate = new DateOnly(2026, 12, 31),
    };

    public GoalProgressed GoalProgressed(Guid goalId, string lifeArea, string status, DateTimeOffset at)
    {
        Version++;
        return new()
        {
            EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = at, Version = Version, CaseId = CaseId,
            OrganisationId = "stadt-rietberg", GoalId = goalId, LifeArea = lifeArea, Status = status,
        };
    }

    public CaseAssigned Assigned(string caseManagerId, DateTimeOffset at)
    {
        Version++;
        return new()
        {
            EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = at, Version = Version, CaseId = CaseId,
            OrganisationId = "stadt-rietberg", CaseManagerId = caseManagerId,
        };
    }

    public CaseErased Erased(DateTimeOffset at)
    {
        Version++;
        return new()
        {
            EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = at, Version = Version, CaseId = CaseId,
            OrganisationId = "stadt-rietberg", Cause = "request",
        };
    }

    private static int Days(DateTimeOffset from, DateTimeOffset to) =>
        DateOnly.FromDateTime(to.UtcDateTime).DayNumber - DateOnly.FromDateTime(from.UtcDateTime).DayNumber;
}
