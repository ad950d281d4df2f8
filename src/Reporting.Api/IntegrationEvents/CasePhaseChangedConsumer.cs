using KimPlatform.Contracts;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;
using KimPlatform.Security.Data;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

/// <summary>Moves a case's fact to its new phase; a stale or repeated event (lower version) changes nothing.</summary>
public sealed class CasePhaseChangedConsumer(ReportingDbContext db, CurrentTenant tenant)
    : InboxConsumer<CasePhaseChanged, ReportingDbContext>(db, tenant)
{
    protected override async Task ApplyAsync(CasePhaseChanged message, CancellationToken cancellationToken)
    {
        var fact = await Db.CaseFacts.FirstOrDefaultAsync(candidate => candidate.CaseId == message.CaseId, cancellationToken);
        if (fact is null)
        {
            // Overtook its CaseOpened (another queue): keep the newer phase until the case's categories arrive.
            Db.CaseFacts.Add(CaseFact.BeforeOpened(message.CaseId, message.TenantId, message.OrganisationId, message.ToPhase, message.Version));
            return;
        }

        if (message.Version > fact.Version)
        {
            fact.Phase = message.ToPhase;
            fact.Version = message.Version;
        }
    }
}
