using KimPlatform.Partners.Api.Apis;
using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Application.Validation;

internal static class OfferRequestValidator
{
    public const int MaxDescription = FieldErrors.MaxLongText;

    /// <summary>The details of a valid request, or null with every error in <paramref name="errors"/>.</summary>
    public static OfferDetails? Validate(OfferRequest request, FieldErrors errors)
    {
        var texts = Texts(request, errors);
        errors.Count(request.Topics, "topics", 20, min: 1);
        for (var i = 0; i < (request.Topics?.Count ?? 0); i++)
        {
            errors.Key(request.Topics![i], $"topics[{i}]");
        }

        errors.Count(request.TargetGroups, "targetGroups", 10);
        errors.Languages(request.Languages, "languages");
        errors.Count(request.Municipalities, "municipalities", 100);
        for (var i = 0; i < (request.Municipalities?.Count ?? 0); i++)
        {
            errors.Text(request.Municipalities![i], $"municipalities[{i}]", 100);
        }

        if (request.Location is { } location)
        {
            errors.Text(location.Name, "location.name", required: false);
            errors.Text(location.Street, "location.street", required: false);
            errors.Text(location.PostalCode, "location.postalCode", 10, required: false);
            errors.Text(location.City, "location.city", 100, required: false);
            if (location.Latitude is not (>= -90 and <= 90))
            {
                errors.Add("location.latitude", "A latitude between -90 and 90 is required.");
            }

            if (location.Longitude is not (>= -180 and <= 180))
            {
                errors.Add("location.longitude", "A longitude between -180 and 180 is required.");
            }
        }

        errors.Required(request.Schedule, "schedule");
        if (request.Schedule is { } schedule)
        {
            Hours.Validate(schedule.Hours, "schedule.hours", errors);
            errors.Text(schedule.Note, "schedule.note", required: false);
            if (!schedule.ByAppointment && (schedule.Hours?.Count ?? 0) == 0)
            {
                errors.Add("schedule", "Give weekly hours, or set byAppointment.");
            }
        }

        errors.Text(request.Accessibility?.Notes, "accessibility.notes", 1000, required: false);
        if (request.Capacity is < 0 or > 100_000)
        {
            errors.Add("capacity", "Between 0 and 100000.");
        }

        errors.Required(request.Published, "published");
        if (errors.Any)
        {
            return null;
        }

        return new OfferDetails(
            texts, request.Topics!, request.TargetGroups ?? [], request.Languages ?? [],
            (request.Municipalities ?? []).Select(m => m.Trim()).ToList(),
            request.Location is { } l
                ? new OfferLocation { Name = l.Name, Street = l.Street, PostalCode = l.PostalCode, City = l.City, Latitude = l.Latitude!.Value, Longitude = l.Longitude!.Value }
                : null,
            request.Schedule!.ByAppointment, Hours.From(request.Schedule.Hours), request.Schedule.Note,
            request.Accessibility is { } a
                ? new OfferAccessibility { WheelchairAccessible = a.WheelchairAccessible, HearingLoop = a.HearingLoop, ChildcareAvailable = a.ChildcareAvailable, Notes = a.Notes }
                : null,
            request.Capacity, request.Published!.Value);
    }

    // Texts are kept exactly as sent (no trimming or normalisation), so right-to-left text round-trips byte for byte.
    private static List<OfferText> Texts(OfferRequest request, FieldErrors errors)
    {
        var titles = request.Title ?? new Dictionary<string, string>();
        var descriptions = request.Description ?? new Dictionary<string, string>();
        if (!titles.ContainsKey(Offer.DefaultLanguage))
        {
            errors.Add("title.de", "The German title is required.");
        }

        if (!descriptions.ContainsKey(Offer.DefaultLanguage))
        {
            errors.Add("description.de", "The German description is required.");
        }

        foreach (var (language, title) in titles)
        {
            errors.Language(language, $"title.{language}");
            errors.Text(title, $"title.{language}");
            if (!descriptions.ContainsKey(language))
            {
                errors.Add($"description.{language}", "Every title needs a description in the same language.");
            }
        }

        foreach (var (language, description) in descriptions)
        {
            errors.Language(language, $"description.{language}");
            errors.Text(description, $"description.{language}", MaxDescription);
            if (!titles.ContainsKey(language))
            {
                errors.Add($"title.{language}", "Every description needs a title in the same language.");
            }
        }

        return titles.Where(entry => descriptions.ContainsKey(entry.Key))
            .Select(entry => new OfferText { Language = entry.Key, Title = entry.Value, Description = descriptions[entry.Key] })
            .ToList();
    }
}
