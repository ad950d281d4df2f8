namespace KimPlatform.Cases.Api.Domain;

/// <summary>
/// A consent (Einwilligung / Schweigepflichtentbindung) with the text the person was shown, frozen at the moment
/// they agreed: a newer template version never changes what an older consent says.
/// </summary>
public sealed class Consent
{
    private readonly List<ConsentRecipientPart> _recipients = [];
    private string _purpose = "";
    private string _title = "";
    private string _text = "";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Purpose { get => _purpose; init => _purpose = value; }
    public required IReadOnlyList<ConsentRecipientPart> Recipients { get => _recipients.AsReadOnly(); init => _recipients = [.. value]; }
    public required IReadOnlyList<DataCategory> DataCategories { get; init; }
    public required ConsentForm Form { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public required DateTimeOffset GivenAt { get; init; }
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public required string TemplateKey { get; init; }
    public required int TemplateVersion { get; init; }
    public required string Language { get; init; }
    public required bool RightToLeft { get; init; }
    public required string Title { get => _title; init => _title = value; }
    public required string Text { get => _text; init => _text = value; }

    public bool IsValidOn(DateOnly day) => WithdrawnAt is null && (ValidUntil is null || ValidUntil >= day);

    public bool Covers(string organisationId, OrganisationKind? kind) =>
        Recipients.Any(recipient => recipient.OrganisationId == organisationId || (kind is not null && recipient.OrganisationKind == kind));

    internal void Withdraw(DateTimeOffset at) => WithdrawnAt = at;

    /// <summary>Clears the free text; what was agreed to (recipients, categories, dates, template version) stays.</summary>
    internal void Erase() => (_purpose, _title, _text) = ("", "", "");
}

/// <summary>One organisation, or every organisation of a kind.</summary>
public sealed class ConsentRecipientPart
{
    public string? OrganisationId { get; init; }
    public OrganisationKind? OrganisationKind { get; init; }
}
