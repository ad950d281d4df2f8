using KimPlatform.Cases.Api.Domain.Persons;

namespace KimPlatform.Cases.Api.Domain;

/// <summary>The person a case is about. Personal data: it leaves the case service only as a consent allows.</summary>
public sealed class Person
{
    private readonly List<HouseholdMember> _household = [];

    public required string GivenName { get; init; }
    public required string FamilyName { get; init; }
    public required DateOnly BirthDate { get; init; }
    public Gender? Gender { get; init; }
    public string? Nationality { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    public required ResidenceStatus ResidenceStatus { get; init; }
    public DateOnly? ArrivalDate { get; init; }
    public required string Municipality { get; init; }
    public IReadOnlyList<HouseholdMember> Household { get => _household.AsReadOnly(); init => _household = [.. value]; }

    /// <summary>Name keys that match spelling and transliteration variants and swapped names.</summary>
    public IReadOnlyList<string> NameKeys => PersonName.Keys(GivenName, FamilyName);

    /// <summary>Folded "given family" for text search.</summary>
    public string FoldedName => PersonName.Fold($"{GivenName} {FamilyName}");

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

public sealed class HouseholdMember
{
    public required HouseholdRelation Relation { get; init; }
    public required string GivenName { get; init; }
    public int? BirthYear { get; init; }
}
