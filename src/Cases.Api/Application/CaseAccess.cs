using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KimPlatform.Cases.Api.Application;

/// <summary>
/// The one way endpoints touch a case: only the caller's organisation's cases are visible (row-level security adds
/// the tenant), every read and write appends an audit entry in the same transaction, and every change checks
/// <c>If-Match</c>, raises the version and stores its events in the outbox.
/// </summary>
public sealed class CaseAccess(TenantUnitOfWork work, CallerContext caller, TimeProvider clock, RegisteredTenants tenants)
{
    public CallerContext Caller => caller;
    public DateTimeOffset Now => clock.GetUtcNow();
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
    public string UserId => caller.UserId ?? "unknown";

    /// <summary>Opens a case for the caller's organisation, assigned to the caller, and records it and its event.</summary>
    public async Task<Case> OpenAsync(
        Person person, IReadOnlyList<TargetGroup> targetGroups, Reachability reachability, CancellationToken cancellationToken)
    {
        var opened = Case.Open(caller.RequiredTenantId, caller.RequiredOrganisationId, UserId, person, targetGroups, reachability, Now);
        await work.RunAsync(async db =>
        {
            db.Cases.Add(opened);
            db.AddIntegrationEvents(opened.Events);
            Audit(db, opened.Id, "open", ["person", "targetGroups", "reachability"]);
            await db.SaveChangesAsync(cancellationToken);
            if (!tenants.Contains(opened.TenantId))
            {
                await RegisterTenantAsync(db, opened.TenantId, cancellationToken);
            }

            return opened;
        }, cancellationToken);
        tenants.Add(opened.TenantId); // committed
        return opened;
    }

    /// <summary>Loads a visible case and records the read; null (→ 404, nothing recorded) when the caller may not see it.</summary>
    public Task<Case?> ReadAsync(Guid id, string action, IReadOnlyList<string> fields, CancellationToken cancellationToken) =>
        work.RunAsync(async db =>
        {
            var found = await FindVisibleAsync(db, id, allowTenantAdmin: false, cancellationToken);
            if (found is not null)
            {
                Audit(db, found.Id, action, fields);
                await db.SaveChangesAsync(cancellationToken);
            }

            return found;
        }, cancellationToken);

    /// <summary>Applies a change to a visible case under optimistic concurrency.</summary>
    public async Task<CaseChange<T>> ChangeAsync<T>(
        Guid id, string? ifMatch, string action, IReadOnlyList<string> fields, Func<Case, T> change,
        CancellationToken cancellationToken, bool allowTenantAdmin = false)
    {
        // "*" would match any version (RFC 9110), so it proves nothing about what the caller has seen: as good as absent.
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return CaseChange<T>.Failed(StatusCodes.Status428PreconditionRequired, "If-Match required",
                "Send the case's ETag in If-Match (not *), so that a change made meanwhile by someone else is not overwritten.");
        }

        try
        {
            return await work.RunAsync(
                db => ChangeVisibleAsync(db, id, ifMatch, action, fields, change, allowTenantAdmin, cancellationToken), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseChange<T>.Failed(StatusCodes.Status412PreconditionFailed, "The case has changed",
                "Someone changed the case at the same moment; reload it and apply the change again.");
        }
    }

    /// <summary>Appends an audit entry to the unit of work <paramref name="db"/> belongs to.</summary>
    internal void Audit(CasesDbContext db, Guid? caseId, string action, IReadOnlyList<string> fields, string? outcome = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = caller.RequiredTenantId,
            CaseId = caseId,
            UserId = UserId,
            OrganisationId = caller.RequiredOrganisationId,
            Action = action,
            Fields = fields,
            Outcome = outcome,
            At = Now,
        });

    private async Task<CaseChange<T>> ChangeVisibleAsync<T>(
        CasesDbContext db, Guid id, string ifMatch, string action, IReadOnlyList<string> fields, Func<Case, T> change,
        bool allowTenantAdmin, CancellationToken cancellationToken)
    {
        var found = await FindVisibleAsync(db, id, allowTenantAdmin, cancellationToken);
        if (found is null)
        {
            return CaseChange<T>.Failed(StatusCodes.Status404NotFound, "Case not found", null);
        }

        if (!CaseETag.Matches(ifMatch, found))
        {
            return CaseChange<T>.Failed(StatusCodes.Status412PreconditionFailed, "The case has changed",
                $"The case is at version {found.Version}; reload it and apply the change again.");
        }

        T value;
        try
        {
            value = change(found);
        }
        catch (CaseConflictException conflict)
        {
            return CaseChange<T>.Failed(StatusCodes.Status409Conflict, "Not possible in the case's phase", conflict.Message);
        }
        catch (CaseRuleException rule)
        {
            return CaseChange<T>.Failed(StatusCodes.Status422UnprocessableEntity, "Not allowed", rule.Message, rule.Details);
        }
        catch (CasePartNotFoundException missing)
        {
            return CaseChange<T>.Failed(StatusCodes.Status404NotFound, "Not found", missing.Message);
        }

        db.AddIntegrationEvents(found.Events);
        Audit(db, found.Id, action, fields);
        await db.SaveChangesAsync(cancellationToken); // a concurrent change surfaces here and rolls the whole unit back
        return CaseChange<T>.Succeeded(found, value);
    }

    private Task<Case?> FindVisibleAsync(CasesDbContext db, Guid id, bool allowTenantAdmin, CancellationToken cancellationToken)
    {
        var organisation = caller.RequiredOrganisationId;
        var anyOrganisation = allowTenantAdmin && caller.IsInRole(KimRoles.TenantAdmin);
        return db.Cases.FirstOrDefaultAsync(
            candidate => candidate.Id == id && (anyOrganisation || candidate.OrganisationId == organisation), cancellationToken);
    }

    // The retention job finds the tenants here. When two first cases of a tenant are opened at once, the second insert
    // fails; EF Core rolls it back to the savepoint it set, and the row is there anyway.
    private static async Task RegisterTenantAsync(CasesDbContext db, string tenantId, CancellationToken cancellationToken)
    {
        if (await db.KnownTenants.AnyAsync(known => known.TenantId == tenantId, cancellationToken))
        {
            return;
        }

        var registered = db.KnownTenants.Add(new KnownTenant { TenantId = tenantId });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            registered.State = EntityState.Detached;
        }
    }
}
