namespace KimPlatform.Cases.Api.Domain;

/// <summary>
/// A tenant's own version of a consent text in one language. Versions are immutable; publishing creates the next one.
/// Without a tenant version the built-in text (version 1) applies.
/// </summary>
public sealed class ConsentTemplate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string TenantId { get; init; }
    public required string Key { get; init; }
    public required string Language { get; init; }
    public required int Version { get; init; }
    public required string Title { get; init; }
    public required string Body { get; init; }
    public required bool RightToLeft { get; init; }
    public required string UntilWithdrawn { get; init; }
    public required Dictionary<string, string> DataCategoryNames { get; init; }
    public required DateTimeOffset PublishedAt { get; init; }
    public required string PublishedBy { get; init; }
}
