using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Partners.Api.IntegrationEvents;

/// <summary>Redacts at once every referral made under the withdrawn consent.</summary>
public sealed class ConsentWithdrawnConsumer(PartnersDbContext db, CurrentTenant tenant, TimeProvider clock)
    : InboxConsumer<ConsentWithdrawn, PartnersDbContext>(db, tenant)
{
    protected override async Task ApplyAsync(ConsentWithdrawn message, CancellationToken cancellationToken)
    {
        var referralIds = message.ReferralIds.ToList();
        var affected = await Db.Referrals
            .Where(referral => referral.ConsentId == message.ConsentId || referralIds.Contains(referral.Id))
            .ToListAsync(cancellationToken);
        await ReferralRedactions.ApplyAsync(Db, affected, ReferralRedaction.ConsentWithdrawn, clock.GetUtcNow(), cancellationToken);
    }
}
