using KimPlatform.Contracts;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;
using KimPlatform.Data;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

/// <summary>Moves a case's fact to its new phase; a stale or repeated event (lower version) changes nothing.</summary>
public sealed class CasePhaseChangedConsumer(ReportingDbContext db, CurrentTenant tenant)
    : InboxConsumer<CasePhaseChanged, ReportingDbContext>(db, tenant)
{
    protected override async Task ApplyAsync(CasePhaseChanged message, CancellationToken cancellationToken)
    {
        // One conditional statement, not read-then-write: the phase changes of a case are consumed concurrently, and the
        // row lock makes a later-committing older version find the newer one and change nothing.
        var moved = await Db.CaseFacts
            .Where(fact => fact.CaseId == message.CaseId && fact.Version < message.Version)
            .ExecuteUpdateAsync(fact => fact.SetProperty(f => f.Phase, message.ToPhase).SetProperty(f => f.Version, message.Version), cancellationToken);
        if (moved == 0 && !await Db.CaseFacts.AnyAsync(fact => fact.CaseId == message.CaseId, cancellationToken))
        {
            // Overtook its CaseOpened (another queue): keep the newer phase until the case's categories arrive.
            Db.CaseFacts.Add(CaseFact.BeforeOpened(message.CaseId, message.TenantId, message.OrganisationId, message.ToPhase, message.Version));
        }
    }
}
