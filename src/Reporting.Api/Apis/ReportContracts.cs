namespace KimPlatform.Reporting.Api.Apis;

public sealed record CaseReport(
    string TenantId,
    DateOnly? From,
    DateOnly? To,
    int SuppressionThreshold,
    IReadOnlyList<MunicipalityCount> OpenCasesByMunicipality);

/// <summary>A count that is <c>null</c> with <c>suppressed: true</c> when it is below the threshold.</summary>
public sealed record MunicipalityCount(string Municipality, int? OpenCases, bool Suppressed)
{
    public static MunicipalityCount Of(string municipality, int count, int threshold) =>
        count < threshold ? new(municipality, null, true) : new(municipality, count, false);
}
