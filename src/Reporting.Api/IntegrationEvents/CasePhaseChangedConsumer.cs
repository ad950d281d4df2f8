using KimPlatform.Contracts;
using KimPlatform.Messaging.Inbox;
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
        // Overtook its CaseOpened: fail, so that the retry finds the fact.
        var fact = await Db.CaseFacts.FirstOrDefaultAsync(candidate => candidate.CaseId == message.CaseId, cancellationToken)
            ?? throw new InvalidOperationException($"Case {message.CaseId} is not known yet.");
        if (message.Version > fact.Version)
        {
            fact.Phase = message.ToPhase;
            fact.Version = message.Version;
        }
    }
}
