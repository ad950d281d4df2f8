using System.ComponentModel;
using KimPlatform.Events.Api.Domain;

namespace KimPlatform.Events.Api.Apis;

public sealed record ScheduleEventRequest(
    string? Title,
    EventFormat? Format,
    [property: Description("ISO 8601 with offset; shown in Europe/Berlin")] string? StartsAt,
    [property: Description("ISO 8601 with offset, after startsAt")] string? EndsAt,
    string? Venue,
    [property: Description("Places at the event overall")] int? Capacity,
    [property: Description("When registration opens; open right away when absent")] string? RegistrationOpensAt,
    [property: Description("When registration closes; at the start of the event when absent")] string? RegistrationClosesAt,
    IReadOnlyList<SessionRequest>? Sessions,
    [property: Description("Languages spoken or interpreted at the event (ISO 639-1)")] IReadOnlyList<string>? Languages,
    [property: Description("Public events are listed anonymously and open for anonymous registration")] bool? Public);

public sealed record SessionRequest(string? Title, int? Capacity);

public sealed record RegisterRequest(
    string? Name,
    string? Email,
    string? Organisation,
    ParticipantGroup? ParticipantGroup,
    NeedsRequest? Needs,
    [property: Description("Sessions chosen (workshops, tables, rounds)")] IReadOnlyList<Guid>? SessionIds,
    [property: Description("May photos showing the participant be published")] bool? PhotoConsent,
    [property: Description("Consent to the processing of the data given, as shown with the event (consentText); must be true")] bool? ProcessingConsent,
    [property: Description("Language of the consent text shown: de (default) or en")] string? ConsentLanguage);

public sealed record NeedsRequest(string? InterpreterLanguage, string? Accessibility, bool? Childcare);

public sealed record CancelRequest([property: Description("The token from the registration; coordinators may leave it out")] string? CancelToken);

public sealed record CheckInRequest(Guid? RegistrationId);
