namespace KimPlatform.Reporting.Api.Domain;

/// <summary>The names of the counters and histograms, as stored.</summary>
public static class Figures
{
    // Stocks: net changes per month.
    public const string OpenByPhase = "open:phase";
    public const string OpenByTargetGroup = "open:target-group";
    public const string OpenByResidenceStatus = "open:residence-status";
    public const string OpenByReachability = "open:reachability";
    public const string OpenByAgeBand = "open:age-band";
    public const string Caseload = "open:case-manager";

    // Flows: events per month.
    public const string NewCases = "new";
    public const string ClosuresByReason = "closed:reason";
    public const string ClosuresByOutcome = "closed:outcome";
    public const string GoalsAgreed = "goals:agreed";
    public const string GoalsAchieved = "goals:achieved";

    public const string ReferralsRequested = "referrals:requested";
    public const string ReferralsByTopic = "referrals:topic";
    public static string ReferralsWithStatus(string status) => "referrals:" + status;
    public const string Events = "events:format";
    public const string Registrations = "events:registrations";
    public const string Waitlisted = "events:waitlisted";
    public const string Attended = "events:attended";
    public const string Ratings = "events:ratings";
    public const string FindingsByLifeArea = "findings:life-area";
    public const string FindingsByTheme = "findings:theme";

    // Histograms.
    public static string DaysInPhase(string phase) => "phase:" + phase;
    public const string DaysToClosure = "to-closure";
    public const string DaysToAnswer = "referral:answer";
}
