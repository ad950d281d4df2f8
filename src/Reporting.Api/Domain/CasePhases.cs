namespace KimPlatform.Reporting.Api.Domain;

/// <summary>The case phases as the case events spell them (<c>CasePhaseChanged.ToPhase</c>).</summary>
public static class CasePhases
{
    public const string Intake = "intake";
    public const string Closed = "closed";
}
