using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Apis;

/// <summary>
/// An offer as its editors write it. <c>title</c> and <c>description</c> are keyed by ISO 639-1 language code and
/// need German (<c>de</c>); <c>organisationId</c> is read from coordinators only (partner staff write their own).
/// </summary>
public sealed record OfferRequest(
    string? OrganisationId, IReadOnlyDictionary<string, string>? Title, IReadOnlyDictionary<string, string>? Description,
    IReadOnlyList<string>? Topics, IReadOnlyList<TargetGroup>? TargetGroups, IReadOnlyList<string>? Languages,
    IReadOnlyList<string>? Municipalities, LocationBody? Location, ScheduleBody? Schedule, AccessibilityBody? Accessibility,
    int? Capacity, bool? Published);

public sealed record LocationBody(string? Name, string? Street, string? PostalCode, string? City, double? Latitude, double? Longitude)
{
    public static LocationBody? From(OfferLocation? location) => location is null
        ? null
        : new LocationBody(location.Name, location.Street, location.PostalCode, location.City, location.Latitude, location.Longitude);
}

/// <summary>Either <c>byAppointment</c> or weekly <c>hours</c> (or both), with an optional note such as "not in school holidays".</summary>
public sealed record ScheduleBody(bool ByAppointment, IReadOnlyList<HoursBody>? Hours, string? Note)
{
    public static ScheduleBody From(Offer offer) => new(offer.ByAppointment, offer.Schedule.Select(HoursBody.From).ToList(), offer.ScheduleNote);
}

public sealed record AccessibilityBody(bool WheelchairAccessible, bool HearingLoop, bool ChildcareAvailable, string? Notes)
{
    public static AccessibilityBody? From(OfferAccessibility? accessibility) => accessibility is null
        ? null
        : new AccessibilityBody(accessibility.WheelchairAccessible, accessibility.HearingLoop, accessibility.ChildcareAvailable, accessibility.Notes);
}

/// <summary>An offer with all its languages, as its editors see it.</summary>
public sealed record OfferResponse(
    Guid Id, string OrganisationId, IReadOnlyDictionary<string, string> Title, IReadOnlyDictionary<string, string> Description,
    IReadOnlyList<string> Topics, IReadOnlyList<TargetGroup> TargetGroups, IReadOnlyList<string> Languages,
    IReadOnlyList<string> Municipalities, LocationBody? Location, ScheduleBody Schedule, AccessibilityBody? Accessibility,
    int? Capacity, bool Published, long Version)
{
    public static OfferResponse From(Offer offer) => new(
        offer.Id, offer.OrganisationId,
        offer.Texts.ToDictionary(text => text.Language, text => text.Title),
        offer.Texts.ToDictionary(text => text.Language, text => text.Description),
        offer.Topics, offer.TargetGroups, offer.Languages, offer.Municipalities, LocationBody.From(offer.Location),
        ScheduleBody.From(offer), AccessibilityBody.From(offer.Accessibility), offer.Capacity, offer.Published, offer.Version);
}

/// <summary>
/// A published offer in the directory, in one language: <c>language</c> is the one shown, and <c>fallback</c> is true
/// when the requested language was missing and German is shown instead.
/// </summary>
public sealed record DirectoryOffer(
    Guid Id, string OrganisationId, string? OrganisationName, string Language, bool Fallback, string Title, string Description,
    IReadOnlyList<string> AvailableLanguages, IReadOnlyList<string> Topics, IReadOnlyList<TargetGroup> TargetGroups,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Municipalities, LocationBody? Location, ScheduleBody Schedule,
    AccessibilityBody? Accessibility, int? Capacity)
{
    public static DirectoryOffer From(Offer offer, string? organisationName, string lang)
    {
        var text = offer.TextIn(lang);
        return new DirectoryOffer(
            offer.Id, offer.OrganisationId, organisationName, text.Language, text.Language != lang, text.Title, text.Description,
            offer.Texts.Select(t => t.Language).ToList(), offer.Topics, offer.TargetGroups, offer.Languages, offer.Municipalities,
            LocationBody.From(offer.Location), ScheduleBody.From(offer), AccessibilityBody.From(offer.Accessibility), offer.Capacity);
    }
}

/// <summary>
/// A page of the directory. <c>total</c> counts the matching offers up to 1,000; <c>totalCapped</c> is true when more
/// than that match, and <c>total</c> is then 1,000.
/// </summary>
public sealed record OfferDirectoryPage(IReadOnlyList<DirectoryOffer> Items, int Page, int PageSize, int Total, bool TotalCapped = false);
