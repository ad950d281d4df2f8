using System.Net.Mail;
using System.Text.RegularExpressions;
using KimPlatform.Cases.Api.Apis;
using KimPlatform.Cases.Api.Domain;

namespace KimPlatform.Cases.Api.Application.Validation;

/// <summary>Checks a new case and turns it into a <see cref="Person"/>, collecting every field error at once.</summary>
internal static partial class OpenCaseRequestValidator
{
    private const int MaxLanguages = 20;
    private const int MaxTargetGroups = 10;
    private const int MaxHousehold = 20;
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static Person? Validate(OpenCaseRequest request, DateOnly today, FieldErrors errors)
    {
        var p = request.Person;
        errors.Required(p, "person");
        if (p is not null)
        {
            errors.Text(p.GivenName, "person.givenName");
            errors.Text(p.FamilyName, "person.familyName");
            errors.Text(p.Municipality, "person.municipality");
            errors.Text(p.Nationality, "person.nationality", required: false);
            errors.Text(p.Email, "person.email", 254, required: false);
            if (!string.IsNullOrWhiteSpace(p.Email) && !IsEmail(p.Email.Trim()))
            {
                errors.Add("person.email", "Not an e-mail address.");
            }

            errors.Required(p.ResidenceStatus, "person.residenceStatus");
            BirthDate(p.BirthDate, "person.birthDate", today, errors, required: true);
            if (p.ArrivalDate is { } arrival && (arrival > today || (p.BirthDate is { } born && arrival < born)))
            {
                errors.Add("person.arrivalDate", "The arrival date cannot lie in the future or before the birth date.");
            }

            errors.Count(p.Languages, "person.languages", MaxLanguages);
            foreach (var (language, index) in (p.Languages ?? []).Select((language, index) => (language, index)))
            {
                if (language is null || !LanguageTag().IsMatch(language))
                {
                    errors.Add($"person.languages[{index}]", "Use a language tag such as 'ar', 'uk' or 'fa-AF'.");
                }
            }

            errors.Count(p.Household, "person.household", MaxHousehold);
            foreach (var (member, index) in (p.Household ?? []).Select((member, index) => (member, index)))
            {
                errors.Required(member?.Relation, $"person.household[{index}].relation");
                errors.Text(member?.GivenName, $"person.household[{index}].givenName");
                if (member?.BirthYear is { } year && (year < EarliestBirthDate.Year || year > today.Year))
                {
                    errors.Add($"person.household[{index}].birthYear", $"Between {EarliestBirthDate.Year} and {today.Year}.");
                }
            }
        }

        var groups = request.TargetGroups ?? [];
        if (groups.Count > MaxTargetGroups || groups.Distinct().Count() != groups.Count)
        {
            errors.Add("targetGroups", $"At most {MaxTargetGroups} target groups, each named once.");
        }

        errors.Required(request.Reachability, "reachability");
        if (errors.Any || p is null)
        {
            return null;
        }

        return new Person
        {
            GivenName = p.GivenName!.Trim(),
            FamilyName = p.FamilyName!.Trim(),
            BirthDate = p.BirthDate!.Value,
            Gender = p.Gender,
            Nationality = string.IsNullOrWhiteSpace(p.Nationality) ? null : p.Nationality.Trim(),
            Languages = (p.Languages ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            ResidenceStatus = p.ResidenceStatus!.Value,
            ArrivalDate = p.ArrivalDate,
            Municipality = p.Municipality!.Trim(),
            Email = string.IsNullOrWhiteSpace(p.Email) ? null : p.Email.Trim(),
            Household = (p.Household ?? [])
                .Select(member => new HouseholdMember { Relation = member.Relation!.Value, GivenName = member.GivenName!.Trim(), BirthYear = member.BirthYear })
                .ToList(),
        };
    }

    public static void BirthDate(DateOnly? birthDate, string field, DateOnly today, FieldErrors errors, bool required)
    {
        if (birthDate is not { } date)
        {
            if (required)
            {
                errors.Add(field, "The birth date is required.");
            }
        }
        else if (date > today || date < EarliestBirthDate)
        {
            errors.Add(field, "The birth date must lie between 1900-01-01 and today.");
        }
    }

    // The same rule as the event service's registration form, so an address entered there is found from the case.
    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")]
    public static partial Regex LanguageTag();
}
