using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Partners.Api.Application;

/// <summary>The outcome of a change: the changed aggregate, or the problem to answer with.</summary>
public sealed class Change<T> where T : class
{
    private Change()
    {
    }

    public T? Value { get; private init; }
    public ProblemHttpResult? Problem { get; private init; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Value))]
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Problem))]
    public bool Done => Problem is null;

    public static Change<T> Succeeded(T value) => new() { Value = value };

    public static Change<T> Failed(int status, string title, string? detail = null) =>
        new() { Problem = TypedResults.Problem(detail, statusCode: status, title: title) };

    public static Change<T> NotFound(string what) => Failed(StatusCodes.Status404NotFound, $"{what} not found");

    public static Change<T> PreconditionRequired(string what) => Failed(StatusCodes.Status428PreconditionRequired, "If-Match required",
        $"Send the {what}'s ETag in If-Match (not *), so that a change made meanwhile by someone else is not overwritten.");

    public static Change<T> Stale(string what, long? version = null) => Failed(StatusCodes.Status412PreconditionFailed, $"The {what} has changed",
        version is null
            ? $"Someone changed the {what} at the same moment; reload it and apply the change again."
            : $"The {what} is at version {version}; reload it and apply the change again.");
}
