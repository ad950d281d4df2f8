namespace KimPlatform.Cases.Api.Domain;

/// <summary>The person a case is about. Personal data: never leaves the case service except as consent allows.</summary>
public sealed class Person
{
    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public required DateOnly BirthDate { get; init; }
    public Gender? Gender { get; init; }
    public string? Nationality { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required ResidenceStatus ResidenceStatus { get; init; }
    public DateOnly? ArrivalDate { get; init; }
    public required string Municipality { get; init; }

    /// <summary>A coarse age band for statistics, so reports never need the birth date.</summary>
    public string AgeBandOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year - (day.DayOfYear < BirthDate.DayOfYear ? 1 : 0);
        return age switch
        {
            < 18 => "0-17",
            < 27 => "18-26",
            < 45 => "27-44",
            < 65 => "45-64",
            _ => "65+",
        };
    }
}
