using KimPlatform.Events.Api.Application;
using KimPlatform.Events.Api.Domain;

namespace KimPlatform.Events.Api.Apis;

public sealed record EventResponse(
    Guid Id, string OrganisationId, string Title, EventFormat Format, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string TimeZone, string Venue, int Capacity, int PlacesLeft, int Waitlisted, DateTimeOffset? RegistrationOpensAt,
    DateTimeOffset RegistrationClosesAt, bool RegistrationOpen, IReadOnlyList<SessionResponse> Sessions,
    IReadOnlyList<string> Languages, bool Public, long Version, IReadOnlyDictionary<string, string> ConsentTexts);

public sealed record SessionResponse(Guid Id, string Title, int Capacity, int PlacesLeft);

public sealed record EventPage(IReadOnlyList<EventResponse> Items, int Page, int PageSize, int Total);

public sealed record RegistrationResponse(
    Guid Id, PlaceStatus Status, int? Position, string CancelToken, IReadOnlyList<SessionPlaceResponse> Sessions);

public sealed record SessionPlaceResponse(Guid SessionId, PlaceStatus Status, int? Position);

public sealed record CancellationResponse(Guid Id, PlaceStatus Status);

public sealed record CheckInResponse(Guid RegistrationId, DateTimeOffset CheckedInAt);

public sealed record ParticipantResponse(
    Guid Id, PlaceStatus Status, int? Position, string? Name, string? Email, string? Organisation,
    ParticipantGroup ParticipantGroup, Needs? Needs, IReadOnlyList<SessionPlaceResponse> Sessions, bool PhotoConsent,
    DateTimeOffset RegisteredAt, DateTimeOffset? CheckedInAt);

public sealed record ParticipantPage(IReadOnlyList<ParticipantResponse> Items, int Page, int PageSize, int Total);

internal static class EventResponseMapping
{
    public static EventResponse ToResponse(this Event e, DateTimeOffset now) => new(
        e.Id, e.OrganisationId, e.Title, e.Format, BerlinTime.Of(e.StartsAt), BerlinTime.Of(e.EndsAt), BerlinTime.ZoneId, e.Venue,
        e.Capacity, e.PlacesLeft, e.WaitlistCount, BerlinTime.Of(e.RegistrationOpensAt), BerlinTime.Of(e.EffectiveClosesAt),
        e.IsRegistrationOpen(now), e.Sessions.Select(s => new SessionResponse(s.Id, s.Title, s.Capacity, e.SessionPlacesLeft(s))).ToArray(),
        e.Languages, e.IsPublic, e.Version,
        RegistrationConsent.Languages.ToDictionary(language => language, language => RegistrationConsent.Text(language)!));

    public static IReadOnlyList<SessionPlaceResponse> SessionPlaces(this Event e, Registration registration) =>
        registration.Sessions.Select(place => new SessionPlaceResponse(
            place.SessionId, place.Status, e.SessionWaitlistPosition(registration, place.SessionId))).ToArray();

    public static ParticipantResponse ToParticipant(this Event e, Registration r) => new(
        r.Id, r.Status, e.WaitlistPosition(r), r.Name, r.Email, r.Organisation, r.ParticipantGroup, r.Needs,
        e.SessionPlaces(r), r.PhotoConsent, BerlinTime.Of(r.RegisteredAt), BerlinTime.Of(r.CheckedInAt));
}
