using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>The period and municipality every report takes, checked the same way.</summary>
public static class ReportRequest
{
    public const int MunicipalityMaxLength = 100;

    /// <summary>The parsed period (the current year when absent) and the trimmed municipality, or a null period when either is invalid.</summary>
    public static (ReportPeriod? Period, string? Municipality) Validate(string? period, string? municipality, TimeProvider clock)
    {
        var place = string.IsNullOrWhiteSpace(municipality) ? null : municipality.Trim();
        if (place is { Length: > MunicipalityMaxLength })
        {
            return (null, null);
        }

        if (string.IsNullOrWhiteSpace(period))
        {
            return (ReportPeriod.OfYear(clock.GetUtcNow().Year), place);
        }

        return ReportPeriod.TryParse(period.Trim(), out var parsed) ? (parsed, place) : (null, null);
    }

    public static ValidationProblem Problem(string? period, string? municipality)
    {
        var errors = new Dictionary<string, string[]>();
        if (!string.IsNullOrWhiteSpace(period) && !ReportPeriod.TryParse(period.Trim(), out _))
        {
            errors["period"] = ["Give a whole month (2026-03), quarter (2026-Q1) or year (2026)."];
        }

        if (municipality?.Trim().Length > MunicipalityMaxLength)
        {
            errors["municipality"] = [$"At most {MunicipalityMaxLength} characters."];
        }

        return TypedResults.ValidationProblem(errors);
    }
}
