using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Partners.Api.IntegrationEvents;

/// <summary>Redacts at once every referral of the erased case.</summary>
public sealed class CaseErasedConsumer(PartnersDbContext db, CurrentTenant tenant, TimeProvider clock)
    : InboxConsumer<CaseErased, PartnersDbContext>(db, tenant)
{
    protected override async Task ApplyAsync(CaseErased message, CancellationToken cancellationToken)
    {
        var affected = await Db.Referrals.Where(referral => referral.CaseId == message.CaseId).ToListAsync(cancellationToken);
        await ReferralRedactions.ApplyAsync(Db, affected, ReferralRedaction.CaseErased, clock.GetUtcNow(), cancellationToken);
    }
}
