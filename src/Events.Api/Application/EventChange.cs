using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Events.Api.Application;

/// <summary>The outcome of a change through <see cref="EventAccess"/>: the value, or the problem to answer with.</summary>
public sealed class EventChange<T>
{
    private EventChange()
    {
    }

    public T? Value { get; private init; }
    public ProblemHttpResult? Problem { get; private init; }

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(false, nameof(Problem))]
    public bool Done => Problem is null;

    public static EventChange<T> Succeeded(T value) => new() { Value = value };

    public static EventChange<T> Failed(int status, string title, string? detail = null) =>
        new() { Problem = TypedResults.Problem(detail, statusCode: status, title: title) };

    /// <summary>The same answer for "does not exist" and "not yours to see", so nothing leaks.</summary>
    public static EventChange<T> NotFound(string title = "Event not found") => Failed(StatusCodes.Status404NotFound, title);
}
