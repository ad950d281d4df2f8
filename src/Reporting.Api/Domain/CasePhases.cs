namespace KimPlatform.Reporting.Api.Domain;

/// <summary>The case phases as the case events spell them (<c>CasePhaseChanged.ToPhase</c>).</summary>
public static class CasePhases
{
    public const string Intake = "intake";
    public const string Closed = "closed";

    /// <summary>The phases a case is open in, in their order.</summary>
    public static readonly IReadOnlyList<string> Open = [Intake, "assessment", "plan", "monitoring"];
}
