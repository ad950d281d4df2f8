using KimPlatform.Cases.Api.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Cases.Api.Application;

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
