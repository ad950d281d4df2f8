using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using KimPlatform.Security.Authentication;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Partners.Api.Application;

/// <summary>
/// The referral inbox of the caller's organisation: only referrals addressed to it are visible, any other is "not
/// found". Answers are stored with their event in the outbox in one transaction.
/// </summary>
public sealed class ReferralInbox(TenantUnitOfWork work, CallerContext caller, TimeProvider clock)
{
    public Task<(IReadOnlyList<Referral> Items, int Total)> ListAsync(ReferralStatus? status, int page, int pageSize, CancellationToken cancellationToken) =>
        work.RunAsync<(IReadOnlyList<Referral>, int)>(async db =>
        {
            var query = Addressed(db).Where(referral => status == null || referral.Status == status);
            var total = await query.CountAsync(cancellationToken);
            var items = await query.AsNoTracking().OrderByDescending(referral => referral.ReceivedAt).ThenBy(referral => referral.Id)
                .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            return (items, total);
        }, cancellationToken);

    public async Task<Change<Referral>> AnswerAsync(Guid id, Action<Referral, DateTimeOffset> answer, CancellationToken cancellationToken)
    {
        try
        {
            return await work.RunAsync(async db =>
            {
                var found = await Addressed(db).FirstOrDefaultAsync(referral => referral.Id == id, cancellationToken);
                if (found is null)
                {
                    return Change<Referral>.NotFound("Referral");
                }

                try
                {
                    answer(found, clock.GetUtcNow());
                }
                catch (StatusConflictException conflict)
                {
                    return Change<Referral>.Failed(StatusCodes.Status409Conflict, "Not possible in the referral's status", conflict.Message);
                }

                db.AddIntegrationEvents(found.Events);
                await db.SaveChangesAsync(cancellationToken);
                return Change<Referral>.Succeeded(found);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Change<Referral>.Stale("referral");
        }
    }

    /// <summary>
    /// Matches an accepted referral of the caller's organisation to one of its volunteers. Minors are involved when
    /// the shared data says so or the offer is for youth; the volunteer's checks decide (422 with the reasons).
    /// </summary>
    public Task<Change<Referral>> MatchAsync(Guid id, Guid volunteerId, CancellationToken cancellationToken) =>
        work.RunAsync(async db =>
        {
            var organisation = caller.RequiredOrganisationId;
            var volunteer = await db.Volunteers.FirstOrDefaultAsync(v => v.Id == volunteerId && v.OrganisationId == organisation, cancellationToken);
            if (volunteer is null)
            {
                return Change<Referral>.Failed(StatusCodes.Status422UnprocessableEntity, "Unknown volunteer",
                    "The volunteer is not in your organisation's pool.");
            }

            var found = await Addressed(db).FirstOrDefaultAsync(referral => referral.Id == id, cancellationToken);
            if (found is null)
            {
                return Change<Referral>.NotFound("Referral");
            }

            var offerGroups = await db.Offers.Where(offer => offer.Id == found.OfferId).Select(offer => offer.TargetGroups)
                .FirstOrDefaultAsync(cancellationToken);
            var offerForMinors = offerGroups?.Contains(TargetGroup.Youth) == true;
            var now = clock.GetUtcNow();
            try
            {
                found.Match(volunteer, offerForMinors, DateOnly.FromDateTime(now.UtcDateTime), now);
            }
            catch (StatusConflictException conflict)
            {
                return Change<Referral>.Failed(StatusCodes.Status409Conflict, "Not possible in the referral's status", conflict.Message);
            }
            catch (BusinessRuleException rule)
            {
                return Change<Referral>.Failed(StatusCodes.Status422UnprocessableEntity, "The volunteer cannot take this referral", rule.Message);
            }

            await db.SaveChangesAsync(cancellationToken);
            return Change<Referral>.Succeeded(found);
        }, cancellationToken);

    private IQueryable<Referral> Addressed(PartnersDbContext db)
    {
        var organisation = caller.RequiredOrganisationId;
        return db.Referrals.Where(referral => referral.PartnerOrganisationId == organisation);
    }
}
