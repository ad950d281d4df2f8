using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Partners.Api.IntegrationEvents;

/// <summary>Puts a referral into the addressed organisation's inbox, once: the same referral sent again adds nothing.</summary>
public sealed class ReferralRequestedConsumer(PartnersDbContext db, CurrentTenant tenant, TimeProvider clock)
    : InboxConsumer<ReferralRequested, PartnersDbContext>(db, tenant)
{
    protected override async Task ApplyAsync(ReferralRequested message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.PartnerOrganisationId)
            || await Db.Referrals.AnyAsync(referral => referral.Id == message.ReferralId, cancellationToken))
        {
            return;
        }

        Db.Referrals.Add(Referral.Receive(message, clock.GetUtcNow()));
        await Db.RegisterTenantAsync(message.TenantId, cancellationToken);
    }
}
