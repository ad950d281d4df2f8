using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Contracts;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Data;

namespace KimPlatform.Cases.Api.IntegrationEvents;

public sealed class ReferralAcceptedConsumer(CasesDbContext db, CurrentTenant tenant) : InboxConsumer<ReferralAccepted, CasesDbContext>(db, tenant)
{
    protected override Task ApplyAsync(ReferralAccepted message, CancellationToken cancellationToken) =>
        ReferralAnswers.ApplyAsync(Db, message.CaseId, message.ReferralId, ReferralStatus.Accepted, null, message.OccurredAt, message.Version, cancellationToken);
}
