using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Cases.Api.IntegrationEvents;

/// <summary>What the three referral-answer consumers share: find the case, apply the answer in order.</summary>
internal static class ReferralAnswers
{
    public static async Task ApplyAsync(
        CasesDbContext db, Guid caseId, Guid referralId, ReferralStatus status, string? detail, DateTimeOffset at, long version,
        CancellationToken cancellationToken)
    {
        var found = await db.Cases.FirstOrDefaultAsync(candidate => candidate.Id == caseId, cancellationToken);
        // An erased case keeps its referrals' states; a case unknown here (another tenant) is not ours to follow.
        if (found is null || !found.Referrals.Any(referral => referral.Id == referralId))
        {
            return;
        }

        found.ApplyReferralAnswer(referralId, status, detail, at, version);
    }
}
