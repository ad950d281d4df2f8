using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Contracts;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Data;

namespace KimPlatform.Cases.Api.IntegrationEvents;

public sealed class ReferralCompletedConsumer(CasesDbContext db, CurrentTenant tenant) : InboxConsumer<ReferralCompleted, CasesDbContext>(db, tenant)
{
    protected override Task ApplyAsync(ReferralCompleted message, CancellationToken cancellationToken) =>
        ReferralAnswers.ApplyAsync(Db, message.CaseId, message.ReferralId, ReferralStatus.Completed, message.Outcome, message.OccurredAt, message.Version, cancellationToken);
}
