using System.Text.Json.Serialization;

namespace KimPlatform.Partners.Api.Apis;

// The Open Referral Human Services Data Specification 3.0, as flat tables in one JSON document (its tabular model):
// snake_case field names as the specification spells them; every row's id is a UUID, references are *_id fields.

public sealed record HsdsExport(
    [property: JsonPropertyName("hsds_version")] string HsdsVersion,
    [property: JsonPropertyName("organizations")] IReadOnlyList<HsdsOrganization> Organizations,
    [property: JsonPropertyName("services")] IReadOnlyList<HsdsService> Services,
    [property: JsonPropertyName("locations")] IReadOnlyList<HsdsLocation> Locations,
    [property: JsonPropertyName("service_at_locations")] IReadOnlyList<HsdsServiceAtLocation> ServiceAtLocations,
    [property: JsonPropertyName("languages")] IReadOnlyList<HsdsLanguage> Languages,
    [property: JsonPropertyName("schedules")] IReadOnlyList<HsdsSchedule> Schedules);

public sealed record HsdsOrganization(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("email")] string? Email);

public sealed record HsdsService(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("organization_id")] Guid OrganizationId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("capacity")] int? Capacity);

public sealed record HsdsLocation(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("location_type")] string LocationType,
    [property: JsonPropertyName("organization_id")] Guid OrganizationId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("latitude")] double Latitude,
    [property: JsonPropertyName("longitude")] double Longitude);

public sealed record HsdsServiceAtLocation(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("service_id")] Guid ServiceId,
    [property: JsonPropertyName("location_id")] Guid LocationId);

public sealed record HsdsLanguage(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("service_id")] Guid ServiceId,
    [property: JsonPropertyName("code")] string Code);

/// <summary>A weekly window as an iCalendar rule (<c>freq</c> WEEKLY, <c>byday</c> MO…SU), or "by appointment" in the description.</summary>
public sealed record HsdsSchedule(
    [property: JsonPropertyName("id")] Guid Id,
    [property: JsonPropertyName("service_id")] Guid ServiceId,
    [property: JsonPropertyName("freq")] string? Freq,
    [property: JsonPropertyName("byday")] string? ByDay,
    [property: JsonPropertyName("opens_at")] string? OpensAt,
    [property: JsonPropertyName("closes_at")] string? ClosesAt,
    [property: JsonPropertyName("description")] string? Description);
