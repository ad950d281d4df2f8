namespace KimPlatform.Web.Gateway;

// What the pages send. Values stay as the form gave them (dates and enums as strings), so the services' own validation
// answers with field errors, which the pages show next to their fields.

public sealed record DuplicateCheckRequest(string? GivenName, string? FamilyName, string? BirthDate);

public sealed record PersonRequest(
    string? GivenName, string? FamilyName, string? BirthDate, IReadOnlyList<string> Languages, string? ResidenceStatus, string? Municipality,
    string? Nationality, string? ArrivalDate, string? Email);

public sealed record OpenCaseRequest(PersonRequest Person, IReadOnlyList<string> TargetGroups, string? Reachability);

public sealed record NeedRequest(string? LifeArea, string? Description);

public sealed record AssessmentRequest(IReadOnlyList<NeedRequest> Needs);

public sealed record GoalRequest(string? LifeArea, string? Description, string? DueDate);

public sealed record PlanRequest(IReadOnlyList<GoalRequest> Goals);

public sealed record CloseRequest(string? Reason, string? Outcome);

public sealed record GoalProgressRequest(string? Status, string? Note);

public sealed record ContactRequest(string? Date, string? Channel, string? Note);

public sealed record FindingRequest(string? LifeArea, string? Theme, string? Description);

public sealed record RecipientRequest(string OrganisationId);

public sealed record ConsentRequest(
    string? Purpose, IReadOnlyList<RecipientRequest> Recipients, IReadOnlyList<string> DataCategories, string? Language, string? Form, string? ValidUntil);

public sealed record ReferralRequest(Guid? OfferId, string? PartnerOrganisationId, string? Note);

public sealed record ConsentTemplateRequest(string Key, string Language, string Title, string Body, bool RightToLeft, string UntilWithdrawn);

public sealed record OfferRequest(
    IReadOnlyDictionary<string, string> Title, IReadOnlyDictionary<string, string> Description, IReadOnlyList<string> Topics,
    IReadOnlyList<string> Languages, IReadOnlyList<string> Municipalities, IReadOnlyList<string> TargetGroups, Location? Location,
    Schedule? Schedule, Accessibility? Accessibility, int? Capacity, bool Published);

public sealed record DeclineRequest(string Reason);

public sealed record CompleteRequest(string Outcome);

public sealed record MatchRequest(Guid? VolunteerId);

public sealed record VolunteerRequest(
    string Name, string? Email, IReadOnlyList<string> Languages, IReadOnlyList<string> Skills, IReadOnlyList<string> Municipalities,
    string? CertificateOfConductDate, bool ContactConsent);

public sealed record BodyRequest(
    string Kind, string Name, string Description, string MeetingRhythm, bool OpenForSignup, IReadOnlyList<string> Topics, IReadOnlyList<BodyMemberRequest> Members);

public sealed record BodyMemberRequest(string OrganisationId, string? Representative, string? Deputy);

public sealed record SignupRequest(string Name, string Email, string? Organisation, IReadOnlyList<Guid> BodyIds, bool Consent);

public sealed record SessionRequest(string Title, int? Capacity);

public sealed record EventRequest(
    string Title, string Format, string? StartsAt, string? EndsAt, string Venue, int? Capacity, IReadOnlyList<SessionRequest> Sessions,
    IReadOnlyList<string> Languages, bool Public);

public sealed record ResultsRequest(Guid? SessionId, IReadOnlyList<string> Topics, string Text);

public sealed record ActionItemRequest(string Description, string OwnerOrganisationId, string DueDate);

public sealed record AgendaItemRequest(string Title, string? Decision, IReadOnlyList<ActionItemRequest> Actions);

public sealed record MinutesRequest(IReadOnlyList<AgendaItemRequest> AgendaItems);

public sealed record CheckInRequest(Guid RegistrationId);

public sealed record RegistrationRequest(
    string? Name, string? Email, string? Organisation, string ParticipantGroup, ParticipantNeeds Needs, IReadOnlyList<Guid> SessionIds,
    bool PhotoConsent, bool ProcessingConsent, string ConsentLanguage);

public sealed record CancelRequest(string CancelToken);

public sealed record FeedbackRequest(Guid? RegistrationId, string Token, int? Rating, string Good, string Improve);
