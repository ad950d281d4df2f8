namespace KimPlatform.Cases.Api.Domain;

/// <summary>
/// A consent (Einwilligung / Schweigepflichtentbindung) with the text the person was shown, frozen at the moment
/// they agreed: a newer template version never changes what an older consent says.
/// </summary>
public sealed class Consent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Purpose { get; set; }
    public required List<ConsentRecipientPart> Recipients { get; init; }
    public required IReadOnlyList<DataCategory> DataCategories { get; init; }
    public required ConsentForm Form { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public required DateTimeOffset GivenAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public required string TemplateKey { get; init; }
    public required int TemplateVersion { get; init; }
    public required string Language { get; init; }
    public required bool RightToLeft { get; init; }
    public required string Title { get; set; }
    public required string Text { get; set; }

    public bool IsValidOn(DateOnly day) => WithdrawnAt is null && (ValidUntil is null || ValidUntil >= day);

    public bool Covers(string organisationId, OrganisationKind? kind) =>
        Recipients.Any(recipient => recipient.OrganisationId == organisationId || (kind is not null && recipient.OrganisationKind == kind));
}

/// <summary>One organisation, or every organisation of a kind.</summary>
public sealed class ConsentRecipientPart
{
    public string? OrganisationId { get; init; }
    public OrganisationKind? OrganisationKind { get; init; }
}
