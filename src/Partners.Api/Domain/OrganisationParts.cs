using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Partners.Api.Domain;

public sealed class PostalAddress
{
    [NotPersonalData("an organisation of the network, not a person")]
    public string Street { get; init; } = "";
    [NotPersonalData("an organisation of the network, not a person")]
    public string PostalCode { get; init; } = "";
    [NotPersonalData("an organisation of the network, not a person")]
    public string City { get; init; } = "";
    [NotPersonalData("an organisation of the network, not a person")]
    public string? Municipality { get; init; }
}

/// <summary>A contact point of an organisation (a desk or a person in their role) and when it can be reached.</summary>
public sealed class OrganisationContact
{
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.PartnerNetwork, LegalBases.GdprArt6Para1E, DataRecipients.Public | DataRecipients.Coordination, RetentionRule.WhileMember, DeletionPaths.ByStaff)]
    public string Name { get; init; } = "";
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.PartnerNetwork, LegalBases.GdprArt6Para1E, DataRecipients.Public | DataRecipients.Coordination, RetentionRule.WhileMember, DeletionPaths.ByStaff)]
    public string? Role { get; init; }
    [PersonalData(PersonalDataCategory.Contact, ProcessingPurposes.PartnerNetwork, LegalBases.GdprArt6Para1E, DataRecipients.Public | DataRecipients.Coordination, RetentionRule.WhileMember, DeletionPaths.ByStaff)]
    public string? Email { get; init; }
    [PersonalData(PersonalDataCategory.Contact, ProcessingPurposes.PartnerNetwork, LegalBases.GdprArt6Para1E, DataRecipients.Public | DataRecipients.Coordination, RetentionRule.WhileMember, DeletionPaths.ByStaff)]
    public string? Phone { get; init; }
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.PartnerNetwork, LegalBases.GdprArt6Para1E, DataRecipients.Public | DataRecipients.Coordination, RetentionRule.WhileMember, DeletionPaths.ByStaff)]
    public IReadOnlyList<string> Languages { get; init; } = [];
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.PartnerNetwork, LegalBases.GdprArt6Para1E, DataRecipients.Public | DataRecipients.Coordination, RetentionRule.WhileMember, DeletionPaths.ByStaff)]
    public List<OpeningHours> ConsultationHours { get; init; } = [];
}

/// <summary>One weekly time window: consultation hours of a contact, or when an offer takes place.</summary>
public sealed class OpeningHours
{
    [NotPersonalData("an organisation of the network, not a person")]
    public Weekday Day { get; init; }
    [NotPersonalData("an organisation of the network, not a person")]
    public TimeOnly Opens { get; init; }
    [NotPersonalData("an organisation of the network, not a person")]
    public TimeOnly Closes { get; init; }
}
