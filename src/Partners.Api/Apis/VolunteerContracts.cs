using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Apis;

/// <summary>A volunteer as the coordinating organisation records them; <c>certificateOfConductDate</c> is the extended one (erweitertes Führungszeugnis).</summary>
public sealed record VolunteerRequest(
    string? Name, string? Email, string? Phone, IReadOnlyList<string>? Languages, IReadOnlyList<string>? Skills,
    IReadOnlyList<string>? Municipalities, string? Availability, DateOnly? CertificateOfConductDate, bool? ContactConsent);

public sealed record VolunteerResponse(
    Guid Id, string Name, string? Email, string? Phone, IReadOnlyList<string> Languages, IReadOnlyList<string> Skills,
    IReadOnlyList<string> Municipalities, string? Availability, DateOnly? CertificateOfConductDate, bool ContactConsent, long Version)
{
    public static VolunteerResponse From(Volunteer volunteer) => new(
        volunteer.Id, volunteer.Name, volunteer.Email, volunteer.Phone, volunteer.Languages, volunteer.Skills, volunteer.Municipalities,
        volunteer.Availability, volunteer.CertificateOfConductDate, volunteer.ContactConsent, volunteer.Version);
}

public sealed record VolunteerPage(IReadOnlyList<VolunteerResponse> Items, int Page, int PageSize, int Total);

public sealed record MatchVolunteerRequest(Guid? VolunteerId);
