using KimPlatform.Contracts;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;
using KimPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class CaseOpenedConsumer(ReportingDbContext db, CurrentTenant tenant)
    : InboxConsumer<CaseOpened, ReportingDbContext>(db, tenant)
{
    protected override async Task ApplyAsync(CaseOpened message, CancellationToken cancellationToken)
    {
        var fact = await Db.CaseFacts.FirstOrDefaultAsync(candidate => candidate.CaseId == message.CaseId, cancellationToken);
        if (fact is null)
        {
            fact = new CaseFact
            {
                CaseId = message.CaseId,
                TenantId = message.TenantId,
                OrganisationId = message.OrganisationId,
                Municipality = message.Municipality,
                AgeBand = message.AgeBand,
                ResidenceStatus = message.ResidenceStatus,
                TargetGroups = message.TargetGroups,
                Reachability = message.Reachability,
                Phase = CasePhases.Intake,
                OpenedAt = message.OccurredAt,
                Version = message.Version,
            };
            Db.CaseFacts.Add(fact);
            return;
        }

        // A later event of the case arrived first and holds the newer phase and version; only the categories are new.
        if (!fact.IsOpened)
        {
            fact.Municipality = message.Municipality;
            fact.AgeBand = message.AgeBand;
            fact.ResidenceStatus = message.ResidenceStatus;
            fact.TargetGroups = message.TargetGroups;
            fact.Reachability = message.Reachability;
            fact.OpenedAt = message.OccurredAt;
        }
    }
}
