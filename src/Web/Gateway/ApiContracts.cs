namespace KimPlatform.Web.Gateway;

// The parts of the services' responses the pages show. Enums stay the API's kebab-case strings, so that a value
// added by a service is shown rather than failing the page.

public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>A page of the offer directory; when <c>TotalCapped</c>, more than <c>Total</c> offers match.</summary>
public sealed record DirectoryPage(IReadOnlyList<DirectoryOffer> Items, int Page, int PageSize, int Total, bool TotalCapped);

public sealed record Location(string? Name, string? Street, string? PostalCode, string? City, double? Latitude, double? Longitude);

public sealed record Hours(string? Day, string? Opens, string? Closes);

public sealed record Schedule(bool ByAppointment, IReadOnlyList<Hours>? Hours, string? Note);

public sealed record Accessibility(bool WheelchairAccessible, bool HearingLoop, bool ChildcareAvailable, string? Notes);

public sealed record DirectoryOffer(
    Guid Id, string OrganisationId, string? OrganisationName, string Language, bool Fallback, string Title, string Description,
    IReadOnlyList<string> Topics, IReadOnlyList<string> TargetGroups, IReadOnlyList<string> Languages, IReadOnlyList<string> Municipalities,
    Location? Location, Schedule? Schedule, Accessibility? Accessibility, int? Capacity);

public sealed record Offer(
    Guid Id, string OrganisationId, Dictionary<string, string> Title, Dictionary<string, string> Description, List<string> Topics,
    List<string> TargetGroups, List<string> Languages, List<string> Municipalities, Location? Location, Schedule? Schedule,
    Accessibility? Accessibility, int? Capacity, bool Published, long Version);

public sealed record EventSession(Guid Id, string Title, int Capacity, int PlacesLeft);

public sealed record Event(
    Guid Id, string OrganisationId, string Title, string Format, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Venue, int Capacity,
    int PlacesLeft, int Waitlisted, bool RegistrationOpen, IReadOnlyList<EventSession> Sessions, IReadOnlyList<string> Languages, bool Public,
    IReadOnlyDictionary<string, string>? ConsentTexts);

public sealed record SessionPlace(Guid SessionId, string Status, int? Position);

public sealed record Registration(Guid Id, string Status, int? Position, string CancelToken, IReadOnlyList<SessionPlace>? Sessions);

public sealed record Cancellation(Guid Id, string Status);

public sealed record ParticipantNeeds(string? InterpreterLanguage, string? Accessibility, bool Childcare);

public sealed record Participant(
    Guid Id, string Status, int? Position, string? Name, string? Email, string? Organisation, string ParticipantGroup,
    ParticipantNeeds? Needs, bool PhotoConsent, DateTimeOffset RegisteredAt, DateTimeOffset? CheckedInAt);

public sealed record OpenBody(Guid Id, string Kind, string Name, string? Description, IReadOnlyList<string> Topics, string? MeetingRhythm);

public sealed record SignupReceipt(IReadOnlyList<Guid> SignupIds, string Status);

public sealed record BodyMember(string? OrganisationId, string? OrganisationName, string? Representative, string? Deputy, string? Email);

public sealed record NetworkBody(Guid Id, string Kind, string Name, string? Description, IReadOnlyList<string> Topics, string? MeetingRhythm, bool OpenForSignup, IReadOnlyList<BodyMember> Members);

public sealed record BodySignup(Guid Id, Guid BodyId, string Name, string Email, string? Organisation, string Status, DateTimeOffset SignedUpAt);
