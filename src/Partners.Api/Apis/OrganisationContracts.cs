using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Apis;

/// <summary>An organisation as a coordinator registers or changes it; on PUT the key comes from the route.</summary>
public sealed record OrganisationRequest(
    string? Id, string? Name, OrganisationKind? Kind, IReadOnlyList<LegalDomain>? LegalDomains, AddressBody? Address,
    IReadOnlyList<ContactBody>? Contacts, IReadOnlyList<string>? Languages);

public sealed record AddressBody(string? Street, string? PostalCode, string? City, string? Municipality);

public sealed record ContactBody(
    string? Name, string? Role, string? Email, string? Phone, IReadOnlyList<string>? Languages, IReadOnlyList<HoursBody>? ConsultationHours);

/// <summary>A weekly window, e.g. <c>{ "day": "tuesday", "opens": "09:00", "closes": "12:00" }</c>.</summary>
public sealed record HoursBody(Weekday? Day, TimeOnly? Opens, TimeOnly? Closes)
{
    public static HoursBody From(OpeningHours hours) => new(hours.Day, hours.Opens, hours.Closes);
}

public sealed record OrganisationResponse(
    string Id, string Name, OrganisationKind Kind, IReadOnlyList<LegalDomain> LegalDomains, AddressBody? Address,
    IReadOnlyList<ContactBody> Contacts, IReadOnlyList<string> Languages, long Version)
{
    public static OrganisationResponse From(Organisation organisation) => new(
        organisation.Id, organisation.Name, organisation.Kind, organisation.LegalDomains,
        organisation.Address is { } a ? new AddressBody(a.Street, a.PostalCode, a.City, a.Municipality) : null,
        organisation.Contacts.Select(c => new ContactBody(c.Name, c.Role, c.Email, c.Phone, c.Languages,
            c.ConsultationHours.Select(HoursBody.From).ToList())).ToList(),
        organisation.Languages, organisation.Version);
}

public sealed record OrganisationPage(IReadOnlyList<OrganisationResponse> Items, int Page, int PageSize, int Total);
