using KimPlatform.Contracts;
using KimPlatform.Cases.Api.Apis;
using KimPlatform.Cases.Api.Application.Queries;
using KimPlatform.Cases.Api.Domain;

namespace KimPlatform.Cases.Api.Application.Validation;

/// <summary>Checks the requests that change a case; each returns the domain input, or null with the errors filled.</summary>
internal static class CaseRequestValidators
{
    public const int MaxNeeds = 50;
    public const int MaxGoals = 50;

    public static IReadOnlyList<Need>? Needs(AssessmentRequest request, FieldErrors errors)
    {
        errors.Count(request.Needs, "needs", MaxNeeds, min: 1);
        if (request.Needs is { Count: <= MaxNeeds } needs)
        {
            foreach (var (need, index) in needs.Select((need, index) => (need, index)))
            {
                errors.Required(need?.LifeArea, $"needs[{index}].lifeArea");
                errors.Text(need?.Description, $"needs[{index}].description", FieldErrors.MaxLongText);
            }
        }

        return errors.Any ? null : request.Needs!.Select(need => new Need { LifeArea = need.LifeArea!.Value, Description = need.Description!.Trim() }).ToArray();
    }

    public static IReadOnlyList<Goal>? Goals(PlanRequest request, DateOnly today, FieldErrors errors)
    {
        errors.Count(request.Goals, "goals", MaxGoals, min: 1);
        if (request.Goals is { Count: <= MaxGoals } goals)
        {
            foreach (var (goal, index) in goals.Select((goal, index) => (goal, index)))
            {
                errors.Required(goal?.LifeArea, $"goals[{index}].lifeArea");
                errors.Text(goal?.Description, $"goals[{index}].description", FieldErrors.MaxLongText);
                errors.Required(goal?.DueDate, $"goals[{index}].dueDate");
                if (goal?.DueDate < today)
                {
                    errors.Add($"goals[{index}].dueDate", "A new goal cannot be due in the past.");
                }
            }
        }

        return errors.Any
            ? null
            : request.Goals!.Select(goal => new Goal { LifeArea = goal.LifeArea!.Value, Description = goal.Description!.Trim(), DueDate = goal.DueDate!.Value }).ToArray();
    }

    public static void GoalProgress(GoalProgressRequest request, FieldErrors errors)
    {
        errors.Required(request.Status, "status");
        errors.Text(request.Note, "note", FieldErrors.MaxLongText, required: false);
    }

    public static void Contact(ContactRequest request, DateOnly today, FieldErrors errors)
    {
        errors.Required(request.Date, "date");
        if (request.Date > today)
        {
            errors.Add("date", "A contact cannot lie in the future.");
        }

        errors.Required(request.Channel, "channel");
        errors.Text(request.Note, "note", FieldErrors.MaxLongText, required: false);
    }

    public static void Close(CloseRequest request, FieldErrors errors)
    {
        errors.Required(request.Reason, "reason");
        if (request.Reason == CloseReason.Erased)
        {
            errors.Add("reason", "'erased' is set by erasure only.");
        }

        errors.Required(request.Outcome, "outcome");
    }

    public static void Assign(AssignRequest request, FieldErrors errors) =>
        errors.Text(request.CaseManagerId, "caseManagerId", 200);

    public static void Finding(FindingRequest request, FieldErrors errors)
    {
        errors.Required(request.LifeArea, "lifeArea");
        errors.Text(request.Theme, "theme");
        errors.Text(request.Description, "description", FieldErrors.MaxLongText);
    }

    public static void Consent(ConsentRequest request, DateOnly today, FieldErrors errors)
    {
        errors.Text(request.Purpose, "purpose", 500);
        errors.Count(request.Recipients, "recipients", 20, min: 1);
        foreach (var (recipient, index) in (request.Recipients ?? []).Select((recipient, index) => (recipient, index)))
        {
            if (recipient is null || (recipient.OrganisationId is null) == (recipient.OrganisationKind is null))
            {
                errors.Add($"recipients[{index}]", "Name either an organisationId or an organisationKind.");
            }
            else
            {
                errors.Text(recipient.OrganisationId, $"recipients[{index}].organisationId", required: false);
            }
        }

        errors.Count(request.DataCategories, "dataCategories", Enum.GetValues<DataCategory>().Length, min: 1);
        if (request.DataCategories is { } categories && categories.Distinct().Count() != categories.Count)
        {
            errors.Add("dataCategories", "Name each data category once.");
        }

        errors.Required(request.Form, "form");
        if (request.ValidUntil < today)
        {
            errors.Add("validUntil", "A new consent cannot have expired already.");
        }

        errors.Text(request.Language, "language", 20);
        errors.Key(request.TemplateKey, "templateKey", required: false);
    }

    public static void Referral(ReferralRequest request, FieldErrors errors)
    {
        errors.Required(request.OfferId, "offerId");
        errors.Text(request.PartnerOrganisationId, "partnerOrganisationId");
        errors.Text(request.Note, "note", FieldErrors.MaxLongText, required: false);
    }

    public static void DuplicateCheck(DuplicateCheckRequest request, DateOnly today, FieldErrors errors)
    {
        errors.Text(request.GivenName, "givenName");
        errors.Text(request.FamilyName, "familyName");
        OpenCaseRequestValidator.BirthDate(request.BirthDate, "birthDate", today, errors, required: true);
    }

    /// <summary>The list's query string: paging, sort, text and phase; the other filters take any value.</summary>
    public static CaseListFilter? CaseList(
        string? phase, string? municipality, string? assignedTo, string? q, string? sort, int page, int pageSize, FieldErrors errors)
    {
        if (page < 1)
        {
            errors.Add("page", "Pages start at 1.");
        }
        else if ((long)page * Math.Max(pageSize, 1) > int.MaxValue)
        {
            errors.Add("page", "No list has that many pages.");
        }

        if (pageSize is < 1 or > CaseListFilter.MaxPageSize)
        {
            errors.Add("pageSize", $"Between 1 and {CaseListFilter.MaxPageSize}.");
        }

        if (sort is not null && !CaseListFilter.Sorts.Contains(sort))
        {
            errors.Add("sort", $"One of {string.Join(", ", CaseListFilter.Sorts)}.");
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

        return errors.Any ? null : new CaseListFilter(onlyPhase, municipality, assignedTo, q, sort, page, pageSize);
    }

    public static void ConsentTemplate(ConsentTemplateRequest request, FieldErrors errors)
    {
        errors.Key(request.Key, "key");
        errors.Text(request.Language, "language", 20);
        errors.Text(request.Title, "title", 200);
        errors.Text(request.Body, "body", 10000);
        errors.Text(request.UntilWithdrawn, "untilWithdrawn", 200);
    }
}
