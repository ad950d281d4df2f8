using System.Text.RegularExpressions;
using KimPlatform.Cases.Api.Domain;

namespace KimPlatform.Cases.Api.Apis;

/// <summary>Checks a new case and turns it into a <see cref="Person"/>, collecting every field error at once.</summary>
internal static partial class OpenCaseRequestValidator
{
    private const int MaxNameLength = 100;
    private const int MaxLanguages = 20;
    private const int MaxTargetGroups = 10;
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    public static bool TryValidate(OpenCaseRequest request, DateOnly today, out Person? person, out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, List<string>>();
        void Fail(string field, string message) =>
            (found.TryGetValue(field, out var list) ? list : found[field] = []).Add(message);

        var p = request.Person;
        if (p is null)
        {
            Fail("person", "The person is required.");
        }
        else
        {
            RequireText(p.GivenName, "person.givenName", Fail);
            RequireText(p.FamilyName, "person.familyName", Fail);
            RequireText(p.Municipality, "person.municipality", Fail);

            if (p.BirthDate is not { } birthDate)
            {
                Fail("person.birthDate", "The birth date is required.");
            }
            else if (birthDate > today || birthDate < EarliestBirthDate)
            {
                Fail("person.birthDate", "The birth date must lie between 1900-01-01 and today.");
            }

            if (p.ArrivalDate is { } arrival && (arrival > today || (p.BirthDate is { } born && arrival < born)))
            {
                Fail("person.arrivalDate", "The arrival date cannot lie in the future or before the birth date.");
            }

            if (p.ResidenceStatus is null)
            {
                Fail("person.residenceStatus", "The residence status is required.");
            }

            if (p.Nationality is { Length: > MaxNameLength })
            {
                Fail("person.nationality", $"At most {MaxNameLength} characters.");
            }

            var languages = p.Languages ?? [];
            if (languages.Count > MaxLanguages)
            {
                Fail("person.languages", $"At most {MaxLanguages} languages.");
            }

            foreach (var (language, index) in languages.Select((language, index) => (language, index)))
            {
                if (language is null || !LanguageTag().IsMatch(language))
                {
                    Fail($"person.languages[{index}]", "Use a language tag such as 'ar', 'uk' or 'fa-AF'.");
                }
            }
        }

        var groups = request.TargetGroups ?? [];
        if (groups.Count > MaxTargetGroups || groups.Distinct().Count() != groups.Count)
        {
            Fail("targetGroups", $"At most {MaxTargetGroups} target groups, each named once.");
        }

        if (request.Reachability is null)
        {
            Fail("reachability", "The reachability (good, medium, low) is required.");
        }

        errors = found.ToDictionary(entry => entry.Key, entry => entry.Value.ToArray());
        person = errors.Count > 0 || p is null
            ? null
            : new Person
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
            };
        return errors.Count == 0;
    }

    private static void RequireText(string? value, string field, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(field, "This field is required.");
        }
        else if (value.Trim().Length > MaxNameLength)
        {
            fail(field, $"At most {MaxNameLength} characters.");
        }
    }

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$")]
    private static partial Regex LanguageTag();
}
