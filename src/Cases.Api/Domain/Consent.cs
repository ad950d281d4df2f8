using KimPlatform.Contracts.Privacy;

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

    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public Guid Id { get; init; } = Guid.CreateVersion7();
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public required string Purpose { get => _purpose; init => _purpose = value; }
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public required IReadOnlyList<ConsentRecipientPart> Recipients { get => _recipients.AsReadOnly(); init => _recipients = [.. value]; }
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public required IReadOnlyList<DataCategory> DataCategories { get; init; }
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public required ConsentForm Form { get; init; }
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public DateOnly? ValidUntil { get; init; }
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public required DateTimeOffset GivenAt { get; init; }
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset? WithdrawnAt { get; private set; }
    [NotPersonalData("key of the consent text template")]
    public required string TemplateKey { get; init; }
    public required int TemplateVersion { get; init; }
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public required string Language { get; init; }
    public required bool RightToLeft { get; init; }
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public required string Title { get => _title; init => _title = value; }
    [PersonalData(PersonalDataCategory.Consent, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1A | LegalBases.SgbX67B, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
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
    [NotPersonalData("key of an organisation, not of a person")]
    public string? OrganisationId { get; init; }
    [NotPersonalData("kind of organisation")]
    public OrganisationKind? OrganisationKind { get; init; }
}
