using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Partners.Api.IntegrationEvents;

/// <summary>What the consent-withdrawn and case-erased consumers share: redact the referrals and what the outbox holds of them.</summary>
internal static class ReferralRedactions
{
    public static async Task ApplyAsync(
        PartnersDbContext db, IReadOnlyList<Referral> referrals, ReferralRedaction reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var referral in referrals)
        {
            referral.Redact(reason, now);
        }

        // A decline reason or an outcome may name the person; the events that carried them keep only an empty text,
        // sent or not yet sent.
        var ids = referrals.Select(referral => referral.Id.ToString()).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE outbox_messages SET payload = payload || (jsonb_build_object('reason', '', 'outcome', '')
                - (CASE WHEN message_type = 'ReferralDeclined' THEN 'outcome' ELSE 'reason' END))
            WHERE message_type IN ('ReferralDeclined', 'ReferralCompleted') AND payload->>'referralId' = ANY({ids})
            """, cancellationToken);
    }
}
