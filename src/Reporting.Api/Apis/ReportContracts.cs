namespace KimPlatform.Reporting.Api.Apis;

/// <summary>
/// One count: a category or municipality and its value; <c>value</c> is <c>null</c> with <c>suppressed: true</c> when the
/// count is hidden (below the tenant's threshold, or because it would reveal a hidden one).
/// </summary>
public sealed record CountCell(string Key, long? Value, bool Suppressed);

/// <summary>A total (absent where the categories overlap, as target groups do) and its rows; rows with zero are left out.</summary>
public sealed record CountTable(CountCell? Total, IReadOnlyList<CountCell> Rows);

/// <summary>Median and average whole days of the spans (in a phase, to closure) that ended in the period; hidden below the threshold.</summary>
public sealed record DaysFigure(string Key, double? Median, double? Average, bool Suppressed);

/// <summary>Case figures of a tenant for a whole period; the open cases and caseloads are those at the period's end.</summary>
public sealed record CaseReport(
    string TenantId,
    string Period,
    string? Municipality,
    int SuppressionThreshold,
    CountTable OpenCases,
    CountTable NewCases,
    CountTable OpenByPhase,
    CountTable OpenByTargetGroup,
    CountTable OpenByResidenceStatus,
    CountTable OpenByReachability,
    CountTable OpenByAgeBand,
    CountTable ClosuresByReason,
    CountTable ClosuresByOutcome,
    CountTable GoalsAgreed,
    CountTable GoalsAchieved,
    IReadOnlyList<DaysFigure> DaysPerPhase,
    DaysFigure DaysToClosure,
    CountTable CaseloadByCaseManager);

/// <summary>A rate between 0 and 1 of two shown counts; null when either count is suppressed or there is nothing to divide by.</summary>
public sealed record RateCell(string Key, double? Rate, bool Suppressed);

/// <summary>Referrals made in the period per partner and their answers so far: counted in the month the referral was made.</summary>
public sealed record PartnerReferrals(
    string PartnerOrganisationId, CountCell Requested, CountCell Accepted, CountCell Declined, CountCell Completed,
    RateCell AcceptanceRate, RateCell DeclineRate, RateCell CompletionRate);

public sealed record ReferralReport(
    string TenantId,
    string Period,
    string? Municipality,
    int SuppressionThreshold,
    CountTable Requested,
    CountTable ByTopic,
    IReadOnlyList<PartnerReferrals> ByPartner,
    PartnerReferrals AllPartners,
    DaysFigure DaysToAnswer);

/// <summary>Veranstaltungen taking place in the period, per format; events belong to no municipality.</summary>
public sealed record EventReport(
    string TenantId,
    string Period,
    int SuppressionThreshold,
    CountTable Events,
    CountTable Registrations,
    CountTable Waitlisted,
    CountTable Attended,
    IReadOnlyList<RateCell> AttendanceRate,
    CountTable Ratings,
    double? AverageRating,
    bool AverageRatingSuppressed);

/// <summary>Structural findings reported in the period per life area and theme, and per month of the period.</summary>
public sealed record FindingReport(
    string TenantId,
    string Period,
    string? Municipality,
    int SuppressionThreshold,
    CountTable ByLifeArea,
    CountTable ByTheme,
    CountTable ByMonth);
