using KimPlatform.Cases.Api.Domain;

namespace KimPlatform.Cases.Api.Apis;

// Request properties are nullable so that a missing field becomes a field error from the validator,
// not a deserialisation failure that stops at the first problem.

public sealed record PersonRequest(
    string? GivenName,
    string? FamilyName,
    DateOnly? BirthDate,
    Gender? Gender,
    string? Nationality,
    IReadOnlyList<string>? Languages,
    ResidenceStatus? ResidenceStatus,
    DateOnly? ArrivalDate,
    string? Municipality);

public sealed record OpenCaseRequest(PersonRequest? Person, IReadOnlyList<TargetGroup>? TargetGroups, Reachability? Reachability);

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
