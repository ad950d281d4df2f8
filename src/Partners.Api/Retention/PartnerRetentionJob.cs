using KimPlatform.Data;
using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using KimPlatform.Partners.Api.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KimPlatform.Partners.Api.Retention;

/// <summary>
/// Tenant by tenant, under that tenant's row-level security: removes the personal data of referrals answered
/// (completed or declined) longer ago than <see cref="PartnerRetentionOptions.ReferralMonths"/>, and deletes
/// working-group sign-ups not accepted within <see cref="PartnerRetentionOptions.SignupDays"/>.
/// </summary>
public sealed partial class PartnerRetentionJob(
    IServiceScopeFactory scopes, IOptionsMonitor<PartnerRetentionOptions> options, TimeProvider clock, ILogger<PartnerRetentionJob> logger)
    : TenantRetentionJob<PartnersDbContext>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.CurrentValue.Interval;

    protected override Task RunPassAsync(DateTimeOffset now, CancellationToken cancellationToken) => RunOnceAsync(now, cancellationToken);

    protected override Task<List<string>> ListTenantsAsync(PartnersDbContext db, CancellationToken cancellationToken) =>
        db.KnownTenantIdsAsync(cancellationToken);

    /// <summary>One pass as of <paramref name="now"/>; returns the referrals redacted and the sign-ups deleted.</summary>
    public async Task<(int Referrals, int Signups)> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var referralCutoff = now.AddMonths(-options.CurrentValue.ReferralMonths);
        var signupCutoff = now.AddDays(-options.CurrentValue.SignupDays);
        var (referrals, signups) = (0, 0);
        foreach (var tenant in await KnownTenantsAsync(cancellationToken))
        {
            var (r, s) = await ForTenantAsync(tenant, async db =>
            {
                var answered = await db.Referrals
                    .Where(referral => referral.Redaction == null
                        && (referral.Status == ReferralStatus.Completed || referral.Status == ReferralStatus.Declined)
                        && (referral.CompletedAt ?? referral.AnsweredAt) < referralCutoff)
                    .ToListAsync(cancellationToken);
                await ReferralRedactions.ApplyAsync(db, answered, ReferralRedaction.Retention, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                var deleted = await db.Signups
                    .Where(signup => signup.Status != SignupStatus.Accepted && signup.SignedUpAt < signupCutoff)
                    .ExecuteDeleteAsync(cancellationToken);
                return (answered.Count, deleted);
            }, cancellationToken);
            (referrals, signups) = (referrals + r, signups + s);
        }

        if (referrals + signups > 0)
        {
            LogRemoved(Logger, referrals, signups);
        }

        return (referrals, signups);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: redacted {Referrals} referrals, deleted {Signups} sign-ups")]
    private static partial void LogRemoved(ILogger logger, int referrals, int signups);
}
