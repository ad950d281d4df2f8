namespace KimPlatform.Partners.Api.Domain;

public sealed class PostalAddress
{
    public string Street { get; init; } = "";
    public string PostalCode { get; init; } = "";
    public string City { get; init; } = "";
    public string? Municipality { get; init; }
}

/// <summary>A contact point of an organisation (a desk or a person in their role) and when it can be reached.</summary>
public sealed class OrganisationContact
{
    public string Name { get; init; } = "";
    public string? Role { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
    public List<OpeningHours> ConsultationHours { get; init; } = [];
}

/// <summary>One weekly time window: consultation hours of a contact, or when an offer takes place.</summary>
public sealed class OpeningHours
{
    public Weekday Day { get; init; }
    public TimeOnly Opens { get; init; }
    public TimeOnly Closes { get; init; }
}
