using KimPlatform.Cases.Api.Domain;
using KimPlatform.Cases.Api.Domain.Persons;

namespace KimPlatform.Cases.Api.Application.Queries;

/// <summary>Which of the organisation's cases a list shows, in which order, and which page of them.</summary>
public sealed record CaseListFilter(
    CasePhase? Phase, string? Municipality, string? AssignedTo, string? Text, string? Sort, int Page, int PageSize)
{
    public const int MaxPageSize = 200;
    public static readonly IReadOnlyList<string> Sorts = ["openedAt", "-openedAt", "familyName", "-familyName"];

    public IQueryable<Case> Apply(IQueryable<Case> cases)
    {
        if (Phase is { } wanted)
        {
            cases = cases.Where(c => c.Phase == wanted);
        }

        if (!string.IsNullOrWhiteSpace(Municipality))
        {
            cases = cases.Where(c => c.Municipality == Municipality);
        }

        if (!string.IsNullOrWhiteSpace(AssignedTo))
        {
            cases = cases.Where(c => c.AssignedCaseManagerId == AssignedTo);
        }

        // Every word must match, as folded text or as a spelling-variant key.
        foreach (var token in PersonName.Fold(Text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = PersonName.Skeleton(token);
            cases = cases.Where(c => c.FoldedName!.Contains(token) || c.NameKeys!.Contains(key));
        }

        return cases;
    }

    public IQueryable<Case> Order(IQueryable<Case> cases) => Sort switch
    {
        "openedAt" => cases.OrderBy(c => c.OpenedAt),
        "familyName" => cases.OrderBy(c => c.FoldedName).ThenBy(c => c.Id),
        "-familyName" => cases.OrderByDescending(c => c.FoldedName).ThenBy(c => c.Id),
        _ => cases.OrderByDescending(c => c.OpenedAt),
    };

    public IQueryable<Case> PageOf(IQueryable<Case> cases) => cases.Skip((Page - 1) * PageSize).Take(PageSize);
}
