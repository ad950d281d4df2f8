using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using KimPlatform.Security.Authentication;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Partners.Api.Application;

/// <summary>
/// The volunteer pool of the caller's organisation. Only staff of a registered volunteer-coordinating organisation
/// keep one; every other caller gets 403. Another organisation's volunteer is "not found".
/// </summary>
public sealed class VolunteerPool(TenantUnitOfWork work, CallerContext caller, TimeProvider clock)
{
    private const string What = "volunteer";

    /// <summary>Organisation kinds that coordinate volunteers (Ehrenamtsbüros run by towns, welfare providers, initiatives).</summary>
    private static readonly OrganisationKind[] CoordinatingKinds =
    [
        OrganisationKind.VolunteerInitiative, OrganisationKind.Welfare, OrganisationKind.Municipality, OrganisationKind.IntegrationCentre,
    ];

    public Task<bool> CallerCoordinatesVolunteersAsync(CancellationToken cancellationToken)
    {
        var organisation = caller.RequiredOrganisationId;
        var kinds = CoordinatingKinds;
        return work.RunAsync(
            db => db.Organisations.AnyAsync(o => o.Id == organisation && kinds.Contains(o.Kind), cancellationToken), cancellationToken);
    }

    public Task<Volunteer> EnlistAsync(VolunteerDetails details, CancellationToken cancellationToken)
    {
        var volunteer = Volunteer.Enlist(caller.RequiredTenantId, caller.RequiredOrganisationId, details, clock.GetUtcNow());
        return work.RunAsync(async db =>
        {
            db.Volunteers.Add(volunteer);
            await db.SaveChangesAsync(cancellationToken);
            return volunteer;
        }, cancellationToken);
    }

    public Task<Volunteer?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        work.RunAsync(db => Own(db).AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken), cancellationToken);

    public Task<(IReadOnlyList<Volunteer> Items, int Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        work.RunAsync<(IReadOnlyList<Volunteer>, int)>(async db =>
        {
            var total = await Own(db).CountAsync(cancellationToken);
            var items = await Own(db).AsNoTracking().OrderBy(v => v.Name).ThenBy(v => v.Id)
                .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            return (items, total);
        }, cancellationToken);

    public async Task<Change<Volunteer>> ChangeAsync(Guid id, string? ifMatch, VolunteerDetails details, CancellationToken cancellationToken)
    {
        if (PartnerETag.IsMissing(ifMatch))
        {
            return Change<Volunteer>.PreconditionRequired(What);
        }

        try
        {
            return await work.RunAsync(async db =>
            {
                var found = await Own(db).FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
                if (found is null)
                {
                    return Change<Volunteer>.NotFound("Volunteer");
                }

                if (!PartnerETag.Matches(ifMatch!, found.Version))
                {
                    return Change<Volunteer>.Stale(What, found.Version);
                }

                found.Change(details, clock.GetUtcNow());
                await db.SaveChangesAsync(cancellationToken);
                return Change<Volunteer>.Succeeded(found);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Change<Volunteer>.Stale(What);
        }
    }

    private IQueryable<Volunteer> Own(PartnersDbContext db)
    {
        var organisation = caller.RequiredOrganisationId;
        return db.Volunteers.Where(volunteer => volunteer.OrganisationId == organisation);
    }
}
