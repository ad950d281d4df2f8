using KimPlatform.Cases.Api.Domain.Persons;
using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Cases.Api.Domain;

/// <summary>The person a case is about. Personal data: it leaves the case service only as a consent allows.</summary>
public sealed class Person
{
    private readonly List<HouseholdMember> _household = [];

    [PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public required string GivenName { get; init; }
    [PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public required string FamilyName { get; init; }
    [PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public required DateOnly BirthDate { get; init; }
    [PersonalData(PersonalDataCategory.Gender, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public Gender? Gender { get; init; }
    [PersonalData(PersonalDataCategory.Nationality, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public string? Nationality { get; init; }
    [PersonalData(PersonalDataCategory.Languages, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public required IReadOnlyList<string> Languages { get; init; }
    [PersonalData(PersonalDataCategory.ResidenceStatus, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public required ResidenceStatus ResidenceStatus { get; init; }
    [PersonalData(PersonalDataCategory.ResidenceStatus, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public DateOnly? ArrivalDate { get; init; }
    [PersonalData(PersonalDataCategory.PlaceOfResidence, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public required string Municipality { get; init; }
    /// <summary>The person's e-mail address, if they give one; with their consent it links their event registrations.</summary>
    [PersonalData(PersonalDataCategory.Contact, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C | LegalBases.GdprArt6Para1A, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.EventsService, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public string? Email { get; init; }
    [PersonalData(PersonalDataCategory.Household, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public IReadOnlyList<HouseholdMember> Household { get => _household.AsReadOnly(); init => _household = [.. value]; }

    /// <summary>Name keys that match spelling and transliteration variants and swapped names.</summary>
    public IReadOnlyList<string> NameKeys => PersonName.Keys(GivenName, FamilyName);

    /// <summary>Folded "given family" for text search.</summary>
    public string FoldedName => PersonName.Fold($"{GivenName} {FamilyName}");

    /// <summary>A coarse age band for statistics, so reports never need the birth date.</summary>
    public string AgeBandOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year - (day.DayOfYear < BirthDate.DayOfYear ? 1 : 0);
        return age switch
        {
            < 18 => "0-17",
            < 27 => "18-26",
            < 45 => "27-44",
            < 65 => "45-64",
            _ => "65+",
        };
    }
}

public sealed class HouseholdMember
{
    [PersonalData(PersonalDataCategory.Household, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public required HouseholdRelation Relation { get; init; }
    [PersonalData(PersonalDataCategory.Household, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public required string GivenName { get; init; }
    [PersonalData(PersonalDataCategory.Household, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public int? BirthYear { get; init; }
}
