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
        // A later event of the same case may have arrived first; it already holds the newer state.
        if (await Db.CaseFacts.AnyAsync(fact => fact.CaseId == message.CaseId, cancellationToken))
        {
            return;
        }

        Db.CaseFacts.Add(new CaseFact
        {
            CaseId = message.CaseId,
            TenantId = message.TenantId,
            OrganisationId = message.OrganisationId,
            Municipality = message.Municipality,
            AgeBand = message.AgeBand,
            ResidenceStatus = message.ResidenceStatus,
            TargetGroups = message.TargetGroups,
            Reachability = message.Reachability,
            Phase = "intake",
            OpenedAt = message.OccurredAt,
            Version = message.Version,
        });
    }
}
