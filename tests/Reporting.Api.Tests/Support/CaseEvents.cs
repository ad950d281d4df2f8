using KimPlatform.Contracts;

namespace KimPlatform.Reporting.Api.Tests.Support;

/// <summary>The case events of one case, as the case service would raise them.</summary>
internal sealed class CaseEvents(string tenant, string municipality = "Rietberg")
{
    public Guid CaseId { get; } = Guid.CreateVersion7();

    public CaseOpened Opened() => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = DateTimeOffset.UtcNow, Version = 1, CaseId = CaseId,
        OrganisationId = "stadt-rietberg", Municipality = municipality, AgeBand = "27-44", ResidenceStatus = "asylum-seeker",
        TargetGroups = ["families"], Reachability = "medium",
    };

    public CasePhaseChanged PhaseChanged(long version, string from, string to) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = DateTimeOffset.UtcNow, Version = version, CaseId = CaseId,
        OrganisationId = "stadt-rietberg", FromPhase = from, ToPhase = to,
    };
}
