using System.ComponentModel;
using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Domain.Persons;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Cases.Api.Apis;

public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cases")
            .WithTags("Cases")
            .RequireAuthorization(KimPolicies.CaseManager)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/", OpenCase).WithName("OpenCase").WithSummary("Open a case")
            .WithDescription("Opens a case in phase intake for the caller's organisation, assigned to the caller, and publishes CaseOpened.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/", ListCases).WithName("ListCases").WithSummary("List the organisation's cases")
            .WithDescription("Filters, paging and sorting; every listed case is audited as read.");
        api.MapGet("/{id:guid}", GetCase).WithName("GetCase").WithSummary("One case with everything recorded on it (audited)");
        api.MapPost("/duplicate-check", CheckDuplicate).WithName("CheckDuplicate").WithSummary("Does another organisation run an open case for this person?")
            .WithDescription("Matches umlaut, transliteration and order variants of the names plus the birth date. Answers only which organisations; the check itself is audited.");
        api.MapGet("/caseload", GetCaseload).WithName("GetCaseload").WithSummary("Open cases per assigned case manager in the caller's organisation");
        return app;
    }

    public static async Task<Results<Created<CaseResponse>, ValidationProblem>> OpenCase(
        OpenCaseRequest request, CaseAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var person = OpenCaseRequestValidator.Validate(request, access.Today, errors);
        if (person is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var caller = access.Caller;
        var opened = Case.Open(caller.RequiredTenantId, caller.RequiredOrganisationId, access.UserId, person,
            request.TargetGroups ?? [], request.Reachability!.Value, access.Now);

        var db = access.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Cases.Add(opened);
        db.AddIntegrationEvents(opened.Events);

        access.Audit(opened.Id, "open", ["person", "targetGroups", "reachability"]);
        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO known_tenants (tenant_id) VALUES ({opened.TenantId}) ON CONFLICT DO NOTHING", cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        CaseETag.Set(http, opened);
        return TypedResults.Created($"/api/cases/{opened.Id}", CaseResponse.From(opened));
    }

    public static async Task<Results<Ok<CasePage>, ValidationProblem>> ListCases(
        CaseAccess access,
        CancellationToken cancellationToken,
        [Description("Only this phase: intake, assessment, plan, monitoring or closed")] string? phase = null,
        [Description("Only this municipality")] string? municipality = null,
        [Description("Only cases assigned to this case manager (user id)")] string? assignedTo = null,
        [Description("Names to search for; umlaut and transliteration variants match")] string? q = null,
        [Description("openedAt, -openedAt (default), familyName or -familyName")] string? sort = null,
        int page = 1,
        int pageSize = 50)
    {
        var errors = new FieldErrors();
        if (page < 1)
        {
            errors.Add("page", "Pages start at 1.");
        }

        if (pageSize is < 1 or > 200)
        {
            errors.Add("pageSize", "Between 1 and 200.");
        }

        if (sort is not (null or "openedAt" or "-openedAt" or "familyName" or "-familyName"))
        {
            errors.Add("sort", "One of openedAt, -openedAt, familyName, -familyName.");
        }

        errors.Text(q, "q", required: false);
        CasePhase? onlyPhase = null;
        if (phase is not null)
        {
            if (ContractValue.TryParse<CasePhase>(phase, out var parsed))
            {
                onlyPhase = parsed;
            }
            else
            {
                errors.Add("phase", "One of intake, assessment, plan, monitoring, closed.");
            }
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var organisation = access.Caller.RequiredOrganisationId;
        var cases = access.Db.Cases.AsNoTracking().Where(c => c.OrganisationId == organisation);
        if (onlyPhase is { } wanted)
        {
            cases = cases.Where(c => c.Phase == wanted);
        }

        if (!string.IsNullOrWhiteSpace(municipality))
        {
            cases = cases.Where(c => c.Municipality == municipality);
        }

        if (!string.IsNullOrWhiteSpace(assignedTo))
        {
            cases = cases.Where(c => c.AssignedCaseManagerId == assignedTo);
        }

        foreach (var token in PersonName.Fold(q ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = PersonName.Skeleton(token);
            cases = cases.Where(c => c.FoldedName!.Contains(token) || c.NameKeys!.Contains(key));
        }

        cases = sort switch
        {
            "openedAt" => cases.OrderBy(c => c.OpenedAt),
            "familyName" => cases.OrderBy(c => c.FoldedName).ThenBy(c => c.Id),
            "-familyName" => cases.OrderByDescending(c => c.FoldedName).ThenBy(c => c.Id),
            _ => cases.OrderByDescending(c => c.OpenedAt),
        };

        await using var transaction = await access.Db.Database.BeginTransactionAsync(cancellationToken);
        var total = await cases.CountAsync(cancellationToken);
        var items = await cases.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new CaseSummary(c.Id, c.Phase, c.Version, c.Person!.GivenName, c.Person.FamilyName, c.BirthDate,
                c.Municipality, c.AssignedCaseManagerId, c.OpenedAt))
            .ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            access.Audit(item.Id, "list", ["givenName", "familyName", "birthDate", "municipality", "phase"]);
        }

        await access.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new CasePage(items, page, pageSize, total));
    }

    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult>> GetCase(
        Guid id, CaseAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await access.ReadAsync(id, "read", ["*"], cancellationToken);
        if (found is null)
        {
            return CaseProblems.NotFound();
        }

        CaseETag.Set(http, found);
        return TypedResults.Ok(CaseResponse.From(found));
    }

    public static async Task<Results<Ok<DuplicateCheckResponse>, ValidationProblem>> CheckDuplicate(
        DuplicateCheckRequest request, CaseAccess access, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        CaseRequestValidators.DuplicateCheck(request, access.Today, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var keys = PersonName.Keys(request.GivenName!, request.FamilyName!).ToArray();
        var birthDate = request.BirthDate!.Value;
        var organisation = access.Caller.RequiredOrganisationId;

        await using var transaction = await access.Db.Database.BeginTransactionAsync(cancellationToken);
        // Row-level security limits the search to the caller's tenant; the answer names organisations only.
        var organisations = await access.Db.Cases.AsNoTracking()
            .Where(c => c.BirthDate == birthDate && c.Phase != CasePhase.Closed && c.OrganisationId != organisation && c.NameKeys == keys)
            .Select(c => c.OrganisationId)
            .Distinct()
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        access.Audit(null, "duplicate-check", ["givenName", "familyName", "birthDate"], organisations.Count > 0 ? "found" : "not-found");
        await access.Db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new DuplicateCheckResponse(organisations.Count > 0, organisations));
    }

    public static async Task<Ok<IReadOnlyList<CaseloadEntry>>> GetCaseload(CaseAccess access, CancellationToken cancellationToken)
    {
        var organisation = access.Caller.RequiredOrganisationId;
        await using var transaction = await access.Db.Database.BeginTransactionAsync(cancellationToken);
        var caseload = await access.Db.Cases.AsNoTracking()
            .Where(c => c.OrganisationId == organisation && c.Phase != CasePhase.Closed)
            .GroupBy(c => c.AssignedCaseManagerId ?? "")
            .Select(group => new { CaseManagerId = group.Key, OpenCases = group.Count() })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CaseloadEntry>>(caseload
            .OrderBy(entry => entry.CaseManagerId, StringComparer.Ordinal)
            .Select(entry => new CaseloadEntry(entry.CaseManagerId, entry.OpenCases))
            .ToArray());
    }
}
