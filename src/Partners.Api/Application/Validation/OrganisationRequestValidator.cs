using KimPlatform.Partners.Api.Apis;
using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Application.Validation;

internal static class OrganisationRequestValidator
{
    /// <summary>The details of a valid request, or null with every error in <paramref name="errors"/>.</summary>
    public static OrganisationDetails? Validate(OrganisationRequest request, FieldErrors errors)
    {
        errors.Text(request.Name, "name");
        errors.Required(request.Kind, "kind");
        errors.Count(request.LegalDomains, "legalDomains", 10);
        errors.Languages(request.Languages, "languages");
        if (request.Address is { } address)
        {
            errors.Text(address.Street, "address.street");
            errors.Text(address.PostalCode, "address.postalCode", 10);
            errors.Text(address.City, "address.city", 100);
            errors.Text(address.Municipality, "address.municipality", 100, required: false);
        }

        errors.Count(request.Contacts, "contacts", 50);
        var contacts = request.Contacts ?? [];
        for (var i = 0; i < contacts.Count; i++)
        {
            var contact = contacts[i];
            var field = $"contacts[{i}]";
            if (contact is null)
            {
                errors.Add(field, "This field is required.");
                continue;
            }

            errors.Text(contact.Name, $"{field}.name");
            errors.Text(contact.Role, $"{field}.role", required: false);
            errors.Text(contact.Email, $"{field}.email", required: false);
            if (contact.Email is { } email && !email.Contains('@', StringComparison.Ordinal))
            {
                errors.Add($"{field}.email", "Not an e-mail address.");
            }

            errors.Text(contact.Phone, $"{field}.phone", 50, required: false);
            errors.Languages(contact.Languages, $"{field}.languages");
            Hours.Validate(contact.ConsultationHours, $"{field}.consultationHours", errors);
        }

        if (errors.Any)
        {
            return null;
        }

        return new OrganisationDetails(
            request.Name!.Trim(), request.Kind!.Value, request.LegalDomains ?? [],
            request.Address is { } a
                ? new PostalAddress { Street = a.Street!.Trim(), PostalCode = a.PostalCode!.Trim(), City = a.City!.Trim(), Municipality = a.Municipality?.Trim() }
                : null,
            contacts.Select(c => new OrganisationContact
            {
                Name = c.Name!.Trim(), Role = c.Role?.Trim(), Email = c.Email?.Trim(), Phone = c.Phone?.Trim(), Languages = c.Languages ?? [],
                ConsultationHours = Hours.From(c.ConsultationHours),
            }).ToList(),
            request.Languages ?? []);
    }
}

/// <summary>Weekly windows: each with a day, and opening before closing.</summary>
internal static class Hours
{
    public static void Validate(IReadOnlyList<HoursBody>? hours, string field, FieldErrors errors)
    {
        errors.Count(hours, field, 50);
        for (var i = 0; i < (hours?.Count ?? 0); i++)
        {
            var entry = hours![i];
            errors.Required(entry?.Day, $"{field}[{i}].day");
            errors.Required(entry?.Opens, $"{field}[{i}].opens");
            errors.Required(entry?.Closes, $"{field}[{i}].closes");
            if (entry is { Opens: { } opens, Closes: { } closes } && closes <= opens)
            {
                errors.Add($"{field}[{i}].closes", "Must be later than opens.");
            }
        }
    }

    public static List<OpeningHours> From(IReadOnlyList<HoursBody>? hours) =>
        (hours ?? []).Select(h => new OpeningHours { Day = h.Day!.Value, Opens = h.Opens!.Value, Closes = h.Closes!.Value }).ToList();
}
