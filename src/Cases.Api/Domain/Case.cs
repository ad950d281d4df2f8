using KimPlatform.Contracts;

namespace KimPlatform.Cases.Api.Domain;

/// <summary>Individual case management for one person, run by one organisation of a tenant.</summary>
public sealed class Case
{
    private Case()
    {
    }

    public Guid Id { get; private set; }
    public string TenantId { get; private set; } = "";
    public string OrganisationId { get; private set; } = "";
    public CasePhase Phase { get; private set; }

    /// <summary>Incremented by every change; the ETag and the events' <c>Version</c>.</summary>
    public long Version { get; private set; }

    public Person Person { get; private set; } = null!;
    public IReadOnlyList<TargetGroup> TargetGroups { get; private set; } = [];
    public Reachability Reachability { get; private set; }
    public string? AssignedCaseManagerId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>Opens a case in phase intake, assigned to the case manager who opened it.</summary>
    public static (Case Case, CaseOpened Event) Open(
        string tenantId, string organisationId, string caseManagerId, Person person,
        IReadOnlyList<TargetGroup> targetGroups, Reachability reachability, DateTimeOffset now)
    {
        var opened = new Case
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            OrganisationId = organisationId,
            Phase = CasePhase.Intake,
            Version = 1,
            Person = person,
            TargetGroups = targetGroups,
            Reachability = reachability,
            AssignedCaseManagerId = caseManagerId,
            OpenedAt = now,
        };

        var integrationEvent = new CaseOpened
        {
            EventId = Guid.CreateVersion7(now),
            TenantId = tenantId,
            OccurredAt = now,
            Version = opened.Version,
            CaseId = opened.Id,
            OrganisationId = organisationId,
            Municipality = person.Municipality,
            AgeBand = person.AgeBandOn(DateOnly.FromDateTime(now.UtcDateTime)),
            ResidenceStatus = ContractValue.Of(person.ResidenceStatus),
            TargetGroups = targetGroups.Select(group => ContractValue.Of(group)).ToArray(),
            Reachability = ContractValue.Of(reachability),
        };
        return (opened, integrationEvent);
    }
}
