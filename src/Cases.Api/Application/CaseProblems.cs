using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Cases.Api.Application;

internal static class CaseProblems
{
    /// <summary>The same answer for "does not exist" and "belongs to someone else", so nothing leaks.</summary>
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Case not found");
}
