using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Cases.Api.Apis;

/// <summary>
/// The one way endpoints touch a case: only the caller's organisation's cases are visible (row-level security adds
/// the tenant), every read and write appends an audit entry in the same transaction, and every change checks
/// <c>If-Match</c>, raises the version and stores its events in the outbox.
/// </summary>
public sealed class CaseAccess(CasesDbContext db, CallerContext caller, TimeProvider clock)
{
    public CasesDbContext Db => db;
    public CallerContext Caller => caller;
    public DateTimeOffset Now => clock.GetUtcNow();
    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
    public string UserId => caller.UserId ?? "unknown";

    /// <summary>Loads a visible case and records the read; null (→ 404, nothing recorded) when the caller may not see it.</summary>
    public async Task<Case?> ReadAsync(Guid id, string action, IReadOnlyList<string> fields, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await FindVisibleAsync(id, allowTenantAdmin: false, cancellationToken);
        if (found is null)
        {
            return null;
        }

        Audit(found.Id, action, fields);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return found;
    }

    /// <summary>Applies a change to a visible case under optimistic concurrency.</summary>
    public async Task<CaseChange<T>> ChangeAsync<T>(
        Guid id, string? ifMatch, string action, IReadOnlyList<string> fields, Func<Case, T> change,
        CancellationToken cancellationToken, bool allowTenantAdmin = false)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return CaseChange<T>.Failed(StatusCodes.Status428PreconditionRequired, "If-Match required",
                "Send the case's ETag in If-Match, so that a change made meanwhile by someone else is not overwritten.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var found = await FindVisibleAsync(id, allowTenantAdmin, cancellationToken);
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

        Audit(found.Id, action, fields);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CaseChange<T>.Failed(StatusCodes.Status412PreconditionFailed, "The case has changed",
                "Someone changed the case at the same moment; reload it and apply the change again.");
        }

        await transaction.CommitAsync(cancellationToken);
        return CaseChange<T>.Succeeded(found, value);
    }

    /// <summary>Appends an audit entry to the current unit of work.</summary>
    public void Audit(Guid? caseId, string action, IReadOnlyList<string> fields, string? outcome = null) =>
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

    private Task<Case?> FindVisibleAsync(Guid id, bool allowTenantAdmin, CancellationToken cancellationToken)
    {
        var organisation = caller.RequiredOrganisationId;
        var anyOrganisation = allowTenantAdmin && caller.IsInRole(KimRoles.TenantAdmin);
        return db.Cases.FirstOrDefaultAsync(
            candidate => candidate.Id == id && (anyOrganisation || candidate.OrganisationId == organisation), cancellationToken);
    }
}

/// <summary>The outcome of <see cref="CaseAccess.ChangeAsync{T}"/>: the changed case, or the problem to answer with.</summary>
public sealed class CaseChange<T>
{
    private CaseChange()
    {
    }

    public Case? Case { get; private init; }
    public T? Value { get; private init; }
    public ProblemHttpResult? Problem { get; private init; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Case))]
    public bool Done => Problem is null;

    public static CaseChange<T> Succeeded(Case changed, T value) => new() { Case = changed, Value = value };

    public static CaseChange<T> Failed(int status, string title, string? detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        new() { Problem = TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions) };
}
