using System.Text.Json;

namespace KimPlatform.Web.Gateway;

/// <summary>
/// Every call the web app makes to the gateway. <see cref="GatewayClient"/> takes nothing else, so this list is the whole
/// of the web app's use of the API; Web.Tests' contract test checks each entry against the services' OpenAPI documents.
/// </summary>
public static class GatewayApi
{
    private const string Get = "GET", Post = "POST", Put = "PUT", Delete = "DELETE";

    // Cases
    public static readonly ApiCall<ListPage<CaseSummary>> ListCases = new(Get, "/api/cases", "q", "phase", "municipality", "pageSize");
    public static readonly ApiCall<List<CaseloadEntry>> GetCaseload = new(Get, "/api/cases/caseload");
    public static readonly ApiCall<CaseDetail> GetCase = new(Get, "/api/cases/{id}");
    public static readonly ApiCall<OpenCaseRequest, CaseDetail> OpenCase = new(Post, "/api/cases");
    public static readonly ApiCall<DuplicateCheckRequest, DuplicateCheck> CheckDuplicate = new(Post, "/api/cases/duplicate-check");
    public static readonly ApiCall<AssessmentRequest, JsonElement> RecordAssessment = new(Post, "/api/cases/{id}/assessment");
    public static readonly ApiCall<PlanRequest, JsonElement> AgreePlan = new(Post, "/api/cases/{id}/plan");
    public static readonly ApiCall<EmptyBody, JsonElement> StartMonitoring = new(Post, "/api/cases/{id}/monitoring");
    public static readonly ApiCall<CloseRequest, JsonElement> CloseCase = new(Post, "/api/cases/{id}/close");
    public static readonly ApiCall<EmptyBody, JsonElement> ReopenCase = new(Post, "/api/cases/{id}/reopen");
    public static readonly ApiCall<GoalProgressRequest, JsonElement> RecordGoalProgress = new(Post, "/api/cases/{id}/goals/{goalId}/progress");
    public static readonly ApiCall<ContactRequest, JsonElement> LogContact = new(Post, "/api/cases/{id}/contacts");
    public static readonly ApiCall<FindingRequest, JsonElement> ReportFinding = new(Post, "/api/cases/{id}/findings");
    public static readonly ApiCall<ConsentRequest, JsonElement> GiveConsent = new(Post, "/api/cases/{id}/consents");
    public static readonly ApiCall<ReferralRequest, JsonElement> RequestReferral = new(Post, "/api/cases/{id}/referrals");
    public static readonly ApiCall<ConsentReceipt> GetConsentReceipt = new(Get, "/api/cases/{id}/consents/{consentId}/receipt");
    public static readonly ApiCall<List<AuditEntry>> GetCaseAudit = new(Get, "/api/cases/{id}/audit");
    public static readonly ApiCall<JsonElement> EraseCase = new(Delete, "/api/cases/{id}");
    public static readonly ApiCall<ConsentTemplate> GetConsentTemplate = new(Get, "/api/cases/consent-templates", "language");
    public static readonly ApiCall<ConsentTemplateRequest, JsonElement> PublishConsentTemplate = new(Post, "/api/cases/consent-templates");

    // Partners
    public static readonly ApiCall<DirectoryPage> SearchOfferDirectory =
        new(Get, "/api/partners/offers", "tenant", "q", "topic", "language", "municipality", "lang", "page", "pageSize");
    public static readonly ApiCall<DirectoryOffer> GetPublishedOffer = new(Get, "/api/partners/offers/{id}/published", "tenant", "lang");
    public static readonly ApiCall<Offer> GetOffer = new(Get, "/api/partners/offers/{id}");
    public static readonly ApiCall<OfferRequest, Offer> CreateOffer = new(Post, "/api/partners/offers");
    public static readonly ApiCall<OfferRequest, Offer> ChangeOffer = new(Put, "/api/partners/offers/{id}");
    public static readonly ApiCall<ListPage<InboxReferral>> ListReferrals = new(Get, "/api/partners/referrals", "pageSize");
    public static readonly ApiCall<EmptyBody, JsonElement> AcceptReferral = new(Post, "/api/partners/referrals/{id}/accept");
    public static readonly ApiCall<DeclineRequest, JsonElement> DeclineReferral = new(Post, "/api/partners/referrals/{id}/decline");
    public static readonly ApiCall<CompleteRequest, JsonElement> CompleteReferral = new(Post, "/api/partners/referrals/{id}/complete");
    public static readonly ApiCall<MatchRequest, JsonElement> MatchVolunteer = new(Post, "/api/partners/referrals/{id}/match");
    public static readonly ApiCall<ListPage<Volunteer>> ListVolunteers = new(Get, "/api/partners/volunteers", "pageSize");
    public static readonly ApiCall<VolunteerRequest, Volunteer> EnlistVolunteer = new(Post, "/api/partners/volunteers");
    public static readonly ApiCall<List<NetworkBody>> ListBodies = new(Get, "/api/partners/bodies");
    public static readonly ApiCall<BodyRequest, JsonElement> CreateBody = new(Post, "/api/partners/bodies");
    public static readonly ApiCall<List<BodySignup>> ListSignups = new(Get, "/api/partners/bodies/signups");
    public static readonly ApiCall<EmptyBody, JsonElement> AcceptSignup = new(Post, "/api/partners/bodies/signups/{id}/accept");
    public static readonly ApiCall<EmptyBody, JsonElement> DeclineSignup = new(Post, "/api/partners/bodies/signups/{id}/decline");
    public static readonly ApiCall<List<OpenBody>> ListOpenBodies = new(Get, "/api/partners/bodies/open", "tenant");
    public static readonly ApiCall<SignupRequest, SignupReceipt> SignUp = new(Post, "/api/partners/bodies/signups", "tenant");

    // Events
    public static readonly ApiCall<ListPage<Event>> ListEvents = new(Get, "/api/events", "tenant", "pageSize");
    public static readonly ApiCall<Event> GetEvent = new(Get, "/api/events/{id}", "tenant");
    public static readonly ApiCall<EventRequest, Event> ScheduleEvent = new(Post, "/api/events");
    public static readonly ApiCall<ListPage<Participant>> ListRegistrations = new(Get, "/api/events/{id}/registrations", "pageSize");
    public static readonly ApiCall<ResultsRequest, JsonElement> RecordResults = new(Post, "/api/events/{id}/results");
    public static readonly ApiCall<MinutesRequest, JsonElement> RecordMinutes = new(Post, "/api/events/{id}/minutes");
    public static readonly ApiCall<CheckInRequest, JsonElement> CheckIn = new(Post, "/api/events/{id}/checkins");
    public static readonly ApiCall<RegistrationRequest, Registration> Register = new(Post, "/api/events/{id}/registrations", "tenant");
    public static readonly ApiCall<CancelRequest, Cancellation> CancelRegistration = new(Post, "/api/events/{id}/registrations/{registrationId}/cancel", "tenant");
    public static readonly ApiCall<FeedbackRequest, JsonElement> GiveFeedback = new(Post, "/api/events/{id}/feedback", "tenant");

    /// <summary>All of the above, for the contract test.</summary>
    public static IReadOnlyList<(string Name, ApiCall Call)> All { get; } = typeof(GatewayApi)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(field => typeof(ApiCall).IsAssignableFrom(field.FieldType))
        .Select(field => (field.Name, (ApiCall)field.GetValue(null)!))
        .ToList();
}
