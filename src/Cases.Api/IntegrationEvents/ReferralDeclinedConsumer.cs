using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Contracts;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Data;

namespace KimPlatform.Cases.Api.IntegrationEvents;

public sealed class ReferralDeclinedConsumer(CasesDbContext db, CurrentTenant tenant) : InboxConsumer<ReferralDeclined, CasesDbContext>(db, tenant)
{
    protected override Task ApplyAsync(ReferralDeclined message, CancellationToken cancellationToken) =>
        ReferralAnswers.ApplyAsync(Db, message.CaseId, message.ReferralId, ReferralStatus.Declined, message.Reason, message.OccurredAt, message.Version, cancellationToken);
}
