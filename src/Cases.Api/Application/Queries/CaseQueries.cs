using KimPlatform.Cases.Api.Apis;
using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Domain.Persons;
using KimPlatform.Cases.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Cases.Api.Application.Queries;

/// <summary>Reads across the caller's organisation's cases; what shows personal data is audited like any read.</summary>
public sealed class CaseQueries(TenantUnitOfWork work, CaseAccess access)
{
    private static readonly string[] ListedFields = ["givenName", "familyName", "birthDate", "municipality", "phase"];

    public Task<CasePage> ListAsync(CaseListFilter filter, CancellationToken cancellationToken) =>
        work.RunAsync(async db =>
        {
            var organisation = access.Caller.RequiredOrganisationId;
            var cases = filter.Order(filter.Apply(db.Cases.AsNoTracking().Where(c => c.OrganisationId == organisation)));
            var total = await cases.CountAsync(cancellationToken);
            var items = await filter.PageOf(cases)
                .Select(c => new CaseSummary(c.Id, c.Phase, c.Version, c.Person!.GivenName, c.Person.FamilyName, c.BirthDate,
                    c.Municipality, c.AssignedCaseManagerId, c.OpenedAt))
                .ToListAsync(cancellationToken);
            foreach (var item in items)
            {
                access.Audit(db, item.Id, "list", ListedFields);
            }

            await db.SaveChangesAsync(cancellationToken);
            return new CasePage(items, filter.Page, filter.PageSize, total);
        }, cancellationToken);

    public Task<IReadOnlyList<CaseloadEntry>> CaseloadAsync(CancellationToken cancellationToken) =>
        work.RunAsync<IReadOnlyList<CaseloadEntry>>(async db =>
        {
            var organisation = access.Caller.RequiredOrganisationId;
            var caseload = await db.Cases.AsNoTracking()
                .Where(c => c.OrganisationId == organisation && c.Phase != CasePhase.Closed)
                .GroupBy(c => c.AssignedCaseManagerId ?? "")
                .Select(group => new { CaseManagerId = group.Key, OpenCases = group.Count() })
                .ToListAsync(cancellationToken);
            return caseload
                .OrderBy(entry => entry.CaseManagerId, StringComparer.Ordinal)
                .Select(entry => new CaseloadEntry(entry.CaseManagerId, entry.OpenCases))
                .ToArray();
        }, cancellationToken);

    /// <summary>Other organisations of the tenant with an open case for the same person; names organisations only.</summary>
    public Task<DuplicateCheckResponse> DuplicateCheckAsync(
        string givenName, string familyName, DateOnly birthDate, CancellationToken cancellationToken)
    {
        var keys = PersonName.Keys(givenName, familyName).ToArray();
        var organisation = access.Caller.RequiredOrganisationId;
        return work.RunAsync(async db =>
        {
            // Row-level security limits the search to the caller's tenant.
            var matches = await db.Cases.AsNoTracking()
                .Where(c => c.BirthDate == birthDate && c.Phase != CasePhase.Closed && c.OrganisationId != organisation && c.NameKeys == keys)
                .Select(c => new { c.Id, c.OrganisationId })
                .ToListAsync(cancellationToken);
            var organisations = matches.Select(match => match.OrganisationId).Distinct().Order(StringComparer.Ordinal).ToList();
            access.Audit(db, null, "duplicate-check", ["givenName", "familyName", "birthDate"], organisations.Count > 0 ? "found" : "not-found");
            // A match discloses that the case exists: it goes into that case's own log, so the person's export and the
            // organisation running the case see who asked.
            foreach (var match in matches)
            {
                access.Audit(db, match.Id, "duplicate-check-match", ["givenName", "familyName", "birthDate"], "disclosed");
            }

            await db.SaveChangesAsync(cancellationToken);
            return new DuplicateCheckResponse(organisations.Count > 0, organisations);
        }, cancellationToken);
    }

    /// <summary>The case's audit log, oldest first. The caller checks that the case is visible.</summary>
    public Task<IReadOnlyList<AuditEntryResponse>> AuditLogAsync(Guid caseId, CancellationToken cancellationToken) =>
        work.RunAsync<IReadOnlyList<AuditEntryResponse>>(async db => await db.AuditEntries.AsNoTracking()
            .Where(entry => entry.CaseId == caseId)
            .OrderBy(entry => entry.At).ThenBy(entry => entry.Id)
            .Select(entry => new AuditEntryResponse(entry.Id, entry.UserId, entry.OrganisationId, entry.Action, entry.Fields, entry.Outcome, entry.At))
            .ToListAsync(cancellationToken), cancellationToken);

    /// <summary>The partner's kind as the partners service announced it; null while it is unknown here.</summary>
    public Task<OrganisationKind?> PartnerKindAsync(string organisationId, CancellationToken cancellationToken) =>
        work.RunAsync(db => db.KnownOrganisations.AsNoTracking()
            .Where(organisation => organisation.OrganisationId == organisationId)
            .Select(organisation => (OrganisationKind?)organisation.Kind)
            .FirstOrDefaultAsync(cancellationToken), cancellationToken);
}
