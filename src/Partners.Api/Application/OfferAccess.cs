using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Partners.Api.Application;

/// <summary>
/// The one way endpoints touch offers for editing. Coordinators (and tenant admins) edit all of their tenant's offers;
/// partner staff only their own organisation's, and another organisation's offer is "not found" to them.
/// </summary>
public sealed class OfferAccess(TenantUnitOfWork work, CallerContext caller, TimeProvider clock)
{
    private const string What = "offer";

    private bool CoordinatesTenant => caller.IsInRole(KimRoles.Coordinator) || caller.IsInRole(KimRoles.TenantAdmin);

    /// <summary>The organisation a new offer belongs to: partner staff always their own; coordinators name it.</summary>
    public string? OwnerFor(string? requested) => CoordinatesTenant ? requested : caller.OrganisationId;

    /// <summary>Whether the organisation is registered in the caller's tenant (offers belong to registered organisations only).</summary>
    public Task<bool> IsRegisteredAsync(string organisationId, CancellationToken cancellationToken) =>
        work.RunAsync(db => db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken), cancellationToken);

    public Task<Offer> CreateAsync(string organisationId, OfferDetails details, CancellationToken cancellationToken)
    {
        var created = Offer.Create(caller.RequiredTenantId, organisationId, details, clock.GetUtcNow());
        return work.RunAsync(async db =>
        {
            db.Offers.Add(created);
            db.AddIntegrationEvents(created.Events);
            await db.SaveChangesAsync(cancellationToken);
            return created;
        }, cancellationToken);
    }

    public Task<Offer?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        work.RunAsync(db => Editable(db).AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken), cancellationToken);

    public async Task<Change<Offer>> ChangeAsync(Guid id, string? ifMatch, OfferDetails details, CancellationToken cancellationToken)
    {
        if (PartnerETag.IsMissing(ifMatch))
        {
            return Change<Offer>.PreconditionRequired(What);
        }

        try
        {
            return await work.RunAsync(async db =>
            {
                var found = await Editable(db).FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
                if (found is null)
                {
                    return Change<Offer>.NotFound("Offer");
                }

                if (!PartnerETag.Matches(ifMatch!, found.Version))
                {
                    return Change<Offer>.Stale(What, found.Version);
                }

                found.Change(details, clock.GetUtcNow());
                db.AddIntegrationEvents(found.Events);
                await db.SaveChangesAsync(cancellationToken);
                return Change<Offer>.Succeeded(found);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Change<Offer>.Stale(What);
        }
    }

    private IQueryable<Offer> Editable(PartnersDbContext db)
    {
        var organisation = caller.OrganisationId;
        var all = CoordinatesTenant;
        return db.Offers.Where(offer => all || offer.OrganisationId == organisation);
    }
}
