using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Partners.Api.Domain;

/// <summary>
/// A volunteer (Ehrenamt) in the pool of a volunteer-coordinating organisation. Personal data of the volunteer stays
/// in this service: no event carries it, and a matched referral tells the case only its status.
/// </summary>
public sealed class Volunteer
{
    /// <summary>An extended certificate of conduct older than this blocks matches involving minors.</summary>
    public const int CertificateValidYears = 5;

    private Volunteer()
    {
    }

    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.VolunteerPool, LegalBases.GdprArt6Para1A, DataRecipients.HoldingOrganisation, RetentionRule.WhileInVolunteerPool, DeletionPaths.NotDeleted)]
    public Guid Id { get; private set; }
    [NotPersonalData("key of the tenant (a county)")]
    public string TenantId { get; private set; } = "";
    [NotPersonalData("key of an organisation, not of a person")]
    public string OrganisationId { get; private set; } = "";
    [PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.VolunteerPool, LegalBases.GdprArt6Para1A, DataRecipients.HoldingOrganisation, RetentionRule.WhileInVolunteerPool, DeletionPaths.NotDeleted)]
    public string Name { get; private set; } = "";
    [PersonalData(PersonalDataCategory.Contact, ProcessingPurposes.VolunteerPool, LegalBases.GdprArt6Para1A, DataRecipients.HoldingOrganisation, RetentionRule.WhileInVolunteerPool, DeletionPaths.NotDeleted)]
    public string? Email { get; private set; }
    [PersonalData(PersonalDataCategory.Contact, ProcessingPurposes.VolunteerPool, LegalBases.GdprArt6Para1A, DataRecipients.HoldingOrganisation, RetentionRule.WhileInVolunteerPool, DeletionPaths.NotDeleted)]
    public string? Phone { get; private set; }
    [PersonalData(PersonalDataCategory.Languages, ProcessingPurposes.VolunteerPool, LegalBases.GdprArt6Para1A, DataRecipients.HoldingOrganisation, RetentionRule.WhileInVolunteerPool, DeletionPaths.NotDeleted)]
    public IReadOnlyList<string> Languages { get; private set; } = [];
    [PersonalData(PersonalDataCategory.VolunteerProfile, ProcessingPurposes.VolunteerPool, LegalBases.GdprArt6Para1A, DataRecipients.HoldingOrganisation, RetentionRule.WhileInVolunteerPool, DeletionPaths.NotDeleted)]
    public IReadOnlyList<string> Skills { get; private set; } = [];
    [PersonalData(PersonalDataCategory.VolunteerProfile, ProcessingPurposes.VolunteerPool, LegalBases.GdprArt6Para1A, DataRecipients.HoldingOrganisation, RetentionRule.WhileInVolunteerPool, DeletionPaths.NotDeleted)]
    public IReadOnlyList<string> Municipalities { get; private set; } = [];
    [PersonalData(PersonalDataCategory.VolunteerProfile, ProcessingPurposes.VolunteerPool, LegalBases.GdprArt6Para1A, DataRecipients.HoldingOrganisation, RetentionRule.WhileInVolunteerPool, DeletionPaths.NotDeleted)]
    public string? Availability { get; private set; }
    [PersonalData(PersonalDataCategory.CertificateOfConduct, ProcessingPurposes.VolunteerPool, LegalBases.GdprArt6Para1A, DataRecipients.HoldingOrganisation, RetentionRule.WhileInVolunteerPool, DeletionPaths.NotDeleted)]
    public DateOnly? CertificateOfConductDate { get; private set; }
    public bool ContactConsent { get; private set; }
    public long Version { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.VolunteerPool, LegalBases.GdprArt6Para1A, DataRecipients.HoldingOrganisation, RetentionRule.WhileInVolunteerPool, DeletionPaths.NotDeleted)]
    public DateTimeOffset ChangedAt { get; private set; }

    public static Volunteer Enlist(string tenantId, string organisationId, VolunteerDetails details, DateTimeOffset now)
    {
        var volunteer = new Volunteer { Id = Guid.CreateVersion7(now), TenantId = tenantId, OrganisationId = organisationId };
        volunteer.Change(details, now);
        return volunteer;
    }

    public void Change(VolunteerDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Name = details.Name;
        Email = details.Email;
        Phone = details.Phone;
        Languages = details.Languages.Distinct().ToArray();
        Skills = details.Skills.Distinct().ToArray();
        Municipalities = details.Municipalities.Distinct().ToArray();
        Availability = details.Availability;
        CertificateOfConductDate = details.CertificateOfConductDate;
        ContactConsent = details.ContactConsent;
        ChangedAt = now;
        Version++;
    }

    /// <summary>Why this volunteer may not take the referral; empty when the match is allowed.</summary>
    public IReadOnlyList<string> ObstaclesTo(Referral referral, bool involvesMinors, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var obstacles = new List<string>();
        if (!ContactConsent)
        {
            obstacles.Add("The volunteer has not consented to be contacted.");
        }

        if (!Municipalities.Contains(referral.Municipality, StringComparer.OrdinalIgnoreCase))
        {
            obstacles.Add($"The volunteer does not reach {referral.Municipality}.");
        }

        if (referral.Shared?.Languages is { Count: > 0 } spoken && !spoken.Intersect(Languages).Any())
        {
            obstacles.Add("The volunteer speaks none of the person's languages.");
        }

        if (involvesMinors && (CertificateOfConductDate is not { } certificate || certificate.AddYears(CertificateValidYears) < today))
        {
            obstacles.Add($"Work with minors needs an extended certificate of conduct not older than {CertificateValidYears} years.");
        }

        return obstacles;
    }
}

public sealed record VolunteerDetails(
    string Name, string? Email, string? Phone, IReadOnlyList<string> Languages, IReadOnlyList<string> Skills,
    IReadOnlyList<string> Municipalities, string? Availability, DateOnly? CertificateOfConductDate, bool ContactConsent);
