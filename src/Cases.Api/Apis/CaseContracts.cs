using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using KimPlatform.Cases.Api.Domain;

namespace KimPlatform.Cases.Api.Apis;

// Request properties are nullable so that a missing field becomes a field error from the validator,
// not a deserialisation failure that stops at the first problem.

public sealed record PersonRequest
{
    [Required, MaxLength(100), Description("Given name(s) as written in the person's documents")]
    public string? GivenName { get; init; }

    [Required, MaxLength(100), Description("Family name(s) as written in the person's documents")]
    public string? FamilyName { get; init; }

    [Required, Description("Birth date, YYYY-MM-DD, not in the future")]
    public DateOnly? BirthDate { get; init; }

    public Gender? Gender { get; init; }

    [MaxLength(100), Description("Nationality, e.g. an ISO 3166 code such as 'UA' or 'stateless'")]
    public string? Nationality { get; init; }

    [MaxLength(20), Description("Languages the person speaks, as language tags ('ar', 'uk', 'fa-AF')")]
    public IReadOnlyList<string>? Languages { get; init; }

    [Required]
    public ResidenceStatus? ResidenceStatus { get; init; }

    [Description("Date of arrival in Germany, not in the future nor before the birth date")]
    public DateOnly? ArrivalDate { get; init; }

    [Required, MaxLength(100), Description("Municipality the person lives in")]
    public string? Municipality { get; init; }
}

public sealed record OpenCaseRequest
{
    [Required]
    public PersonRequest? Person { get; init; }

    [MaxLength(10), Description("Target groups, each at most once")]
    public IReadOnlyList<TargetGroup>? TargetGroups { get; init; }

    [Required]
    public Reachability? Reachability { get; init; }
}

public sealed record PersonResponse(
    string GivenName,
    string FamilyName,
    DateOnly BirthDate,
    Gender? Gender,
    string? Nationality,
    IReadOnlyList<string> Languages,
    ResidenceStatus ResidenceStatus,
    DateOnly? ArrivalDate,
    string Municipality);

public sealed record CaseResponse(
    Guid Id,
    CasePhase Phase,
    long Version,
    string OrganisationId,
    string? AssignedCaseManagerId,
    PersonResponse Person,
    IReadOnlyList<TargetGroup> TargetGroups,
    Reachability Reachability,
    DateTimeOffset OpenedAt)
{
    public static CaseResponse From(Case @case) => new(
        @case.Id,
        @case.Phase,
        @case.Version,
        @case.OrganisationId,
        @case.AssignedCaseManagerId,
        new PersonResponse(
            @case.Person.GivenName,
            @case.Person.FamilyName,
            @case.Person.BirthDate,
            @case.Person.Gender,
            @case.Person.Nationality,
            @case.Person.Languages,
            @case.Person.ResidenceStatus,
            @case.Person.ArrivalDate,
            @case.Person.Municipality),
        @case.TargetGroups,
        @case.Reachability,
        @case.OpenedAt);
}
