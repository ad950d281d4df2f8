using KimPlatform.Partners.Api.Apis;
using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Application.Validation;

internal static class VolunteerRequestValidator
{
    public static VolunteerDetails? Validate(VolunteerRequest request, DateOnly today, FieldErrors errors)
    {
        errors.Text(request.Name, "name");
        errors.Text(request.Email, "email", required: false);
        if (request.Email is { } email && !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("email", "Not an e-mail address.");
        }

        errors.Text(request.Phone, "phone", 50, required: false);
        errors.Languages(request.Languages, "languages");
        errors.Count(request.Skills, "skills", 30);
        for (var i = 0; i < (request.Skills?.Count ?? 0); i++)
        {
            errors.Text(request.Skills![i], $"skills[{i}]", 100);
        }

        errors.Count(request.Municipalities, "municipalities", 50, min: 1);
        for (var i = 0; i < (request.Municipalities?.Count ?? 0); i++)
        {
            errors.Text(request.Municipalities![i], $"municipalities[{i}]", 100);
        }

        errors.Text(request.Availability, "availability", 1000, required: false);
        if (request.CertificateOfConductDate > today)
        {
            errors.Add("certificateOfConductDate", "Cannot lie in the future.");
        }

        errors.Required(request.ContactConsent, "contactConsent");
        return errors.Any
            ? null
            : new VolunteerDetails(request.Name!.Trim(), request.Email?.Trim(), request.Phone?.Trim(), request.Languages ?? [],
                (request.Skills ?? []).Select(s => s.Trim()).ToList(), request.Municipalities!.Select(m => m.Trim()).ToList(),
                request.Availability?.Trim(), request.CertificateOfConductDate, request.ContactConsent!.Value);
    }
}
