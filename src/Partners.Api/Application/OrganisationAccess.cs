using KimPlatform.Partners.Api.Domain;
using KimPlatform.Partners.Api.Infrastructure;
using KimPlatform.Security.Authentication;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KimPlatform.Partners.Api.Application;

/// <summary>
/// The one way endpoints touch organisations: only the caller's tenant's (row-level security), every change under
/// <c>If-Match</c>, raising the version and storing its event in the outbox in the same transaction.
/// </summary>
public sealed class OrganisationAccess(TenantUnitOfWork work, CallerContext caller, TimeProvider clock)
{
    private const string What = "organisation";

    public async Task<Change<Organisation>> RegisterAsync(string id, OrganisationDetails details, CancellationToken cancellationToken)
    {
        var registered = Organisation.Register(caller.RequiredTenantId, id, details, clock.GetUtcNow());
        try
        {
            return await work.RunAsync(async db =>
            {
                db.Organisations.Add(registered);
                db.AddIntegrationEvents(registered.Events);
                await db.SaveChangesAsync(cancellationToken);
                await db.RegisterTenantAsync(registered.TenantId, cancellationToken);
                return Change<Organisation>.Succeeded(registered);
            }, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Change<Organisation>.Failed(StatusCodes.Status409Conflict, "Organisation exists",
                $"The tenant already has an organisation '{id}'; change it with PUT.");
        }
    }

    public Task<Organisation?> FindAsync(string id, CancellationToken cancellationToken) =>
        work.RunAsync(db => db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken), cancellationToken);

    public Task<(IReadOnlyList<Organisation> Items, int Total)> ListAsync(int page, int pageSize, CancellationToken cancellationToken) =>
        work.RunAsync<(IReadOnlyList<Organisation>, int)>(async db =>
        {
            var total = await db.Organisations.CountAsync(cancellationToken);
            var items = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).ThenBy(o => o.Id)
                .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            return (items, total);
        }, cancellationToken);

    public async Task<Change<Organisation>> ChangeAsync(string id, string? ifMatch, OrganisationDetails details, CancellationToken cancellationToken)
    {
        if (PartnerETag.IsMissing(ifMatch))
        {
            return Change<Organisation>.PreconditionRequired(What);
        }

        try
        {
            return await work.RunAsync(async db =>
            {
                var found = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
                if (found is null)
                {
                    return Change<Organisation>.NotFound("Organisation");
                }

                if (!PartnerETag.Matches(ifMatch!, found.Version))
                {
                    return Change<Organisation>.Stale(What, found.Version);
                }

                found.Change(details, clock.GetUtcNow());
                db.AddIntegrationEvents(found.Events);
                await db.SaveChangesAsync(cancellationToken);
                return Change<Organisation>.Succeeded(found);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Change<Organisation>.Stale(What);
        }
    }
}
