namespace KimPlatform.Contracts;

/// <summary>
/// Which service may send each integration event: the one whose file of this project declares it (CaseEvents.cs →
/// <c>cases</c>, PartnerEvents.cs → <c>partners</c>, EventEvents.cs → <c>events</c>, ReportingRequests.cs → <c>reporting</c>). Consumers refuse an event from
/// any other sender, and kim derives each service's broker permissions from the same files.
/// </summary>
public static class IntegrationEventOwners
{
    private static readonly Dictionary<Type, string> Owners = new()
    {
        [typeof(CaseOpened)] = "cases", [typeof(CasePhaseChanged)] = "cases", [typeof(CaseClosed)] = "cases",
        [typeof(CaseReopened)] = "cases", [typeof(CaseErased)] = "cases", [typeof(GoalAgreed)] = "cases",
        [typeof(GoalProgressed)] = "cases", [typeof(ConsentGiven)] = "cases", [typeof(ConsentWithdrawn)] = "cases",
        [typeof(ReferralRequested)] = "cases", [typeof(StructuralFindingReported)] = "cases", [typeof(CaseAssigned)] = "cases",

        [typeof(OrganisationRegistered)] = "partners", [typeof(OrganisationChanged)] = "partners", [typeof(OfferPublished)] = "partners",
        [typeof(OfferWithdrawn)] = "partners", [typeof(ReferralAccepted)] = "partners", [typeof(ReferralDeclined)] = "partners",
        [typeof(ReferralCompleted)] = "partners",

        [typeof(EventScheduled)] = "events", [typeof(RegistrationConfirmed)] = "events", [typeof(RegistrationWaitlisted)] = "events",
        [typeof(RegistrationPromoted)] = "events", [typeof(RegistrationCancelled)] = "events", [typeof(AttendanceRecorded)] = "events",
        [typeof(EventResultsRecorded)] = "events", [typeof(FeedbackGiven)] = "events",

        [typeof(ReportingRebuildRequested)] = "reporting",
    };

    /// <summary>The service entitled to send <paramref name="eventType"/>, or null for a type nobody owns.</summary>
    public static string? Of(Type eventType) => Owners.GetValueOrDefault(eventType);
}
