using KimPlatform.Cases.Api.Apis;
using KimPlatform.Cases.Api.Application.Validation;
using KimPlatform.Cases.Api.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Cases.Api.Application;

/// <summary>The answer most changes give: the changed case with its new ETag, or the problem.</summary>
internal static class CaseChangeResults
{
    /// <summary>Validation first (nothing is read when the request is bad), then the change under If-Match.</summary>
    public static async Task<Results<Ok<CaseResponse>, ProblemHttpResult, ValidationProblem>> ChangeCaseAsync(
        this CaseAccess access, Guid id, string? ifMatch, string action, IReadOnlyList<string> fields, FieldErrors errors, HttpContext http,
        Action<Case> change, CancellationToken cancellationToken)
    {
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var result = await access.ChangeAsync(id, ifMatch, action, fields, c => { change(c); return true; }, cancellationToken);
        if (!result.Done)
        {
            return result.Problem!;
        }

        CaseETag.Set(http, result.Case);
        return TypedResults.Ok(CaseResponse.From(result.Case));
    }
}
