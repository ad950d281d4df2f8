using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Partners.Api.Domain;

/// <summary>Lenkungsgruppe, Steuerungsgruppe or Arbeitskreis of a tenant's integration network.</summary>
public enum BodyKind { SteeringCommittee, SteeringGroup, WorkingGroup }

/// <summary>
/// A steering or working group with its members. A body marked open for sign-up is listed on the tenant's public
/// page; accepted sign-ups become members.
/// </summary>
public sealed class NetworkBody
{
    private readonly List<BodyMember> _members = [];

    private NetworkBody()
    {
    }

    [NotPersonalData("a steering or working group of the network, not a person")]
    public Guid Id { get; private set; }
    [NotPersonalData("a steering or working group of the network, not a person")]
    public string TenantId { get; private set; } = "";
    [NotPersonalData("a steering or working group of the network, not a person")]
    public BodyKind Kind { get; private set; }
    [NotPersonalData("a steering or working group of the network, not a person")]
    public string Name { get; private set; } = "";
    [NotPersonalData("a steering or working group of the network, not a person")]
    public string? Description { get; private set; }
    [NotPersonalData("a steering or working group of the network, not a person")]
    public IReadOnlyList<string> Topics { get; private set; } = [];
    [NotPersonalData("a steering or working group of the network, not a person")]
    public string? MeetingRhythm { get; private set; }
    public bool OpenForSignup { get; private set; }
    public IReadOnlyList<BodyMember> Members => _members.AsReadOnly();
    public long Version { get; private set; }
    [NotPersonalData("a steering or working group of the network, not a person")]
    public DateTimeOffset CreatedAt { get; private set; }

    public static NetworkBody Create(
        string tenantId, BodyKind kind, string name, string? description, IReadOnlyList<string> topics, string? meetingRhythm,
        bool openForSignup, IReadOnlyList<BodyMember> members, DateTimeOffset now)
    {
        var body = new NetworkBody
        {
            Id = Guid.CreateVersion7(now), TenantId = tenantId, Kind = kind, Name = name, Description = description, Topics = topics,
            MeetingRhythm = meetingRhythm, OpenForSignup = openForSignup, Version = 1, CreatedAt = now,
        };
        body._members.AddRange(members);
        return body;
    }

    /// <summary>An accepted sign-up joins as a member in their own name (with the organisation they gave, if any).</summary>
    public void Admit(BodySignup signup)
    {
        ArgumentNullException.ThrowIfNull(signup);
        _members.Add(new BodyMember { Representative = signup.Name, OrganisationName = signup.Organisation, Email = signup.Email });
        Version++;
    }
}

/// <summary>A member: an organisation with its representative and deputy, or a resident in their own name.</summary>
public sealed class BodyMember
{
    [NotPersonalData("key of an organisation, not of a person")]
    public string? OrganisationId { get; init; }
    [NotPersonalData("name of an organisation")]
    public string? OrganisationName { get; init; }
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.WorkingGroupSignup, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.Coordination, RetentionRule.WhileMember, DeletionPaths.ByStaff)]
    public string Representative { get; init; } = "";
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.WorkingGroupSignup, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.Coordination, RetentionRule.WhileMember, DeletionPaths.ByStaff)]
    public string? Deputy { get; init; }
    [PersonalData(PersonalDataCategory.Contact, ProcessingPurposes.WorkingGroupSignup, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.Coordination, RetentionRule.WhileMember, DeletionPaths.ByStaff)]
    public string? Email { get; init; }
}

public enum SignupStatus { Pending, Accepted, Declined }

/// <summary>One person's wish to join one open body, from the public page; the e-mail is stored lower-case.</summary>
public sealed class BodySignup
{
    private BodySignup()
    {
    }

    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.WorkingGroupSignup, LegalBases.GdprArt6Para1A, DataRecipients.Coordination, RetentionRule.SignupRetention, DeletionPaths.PartnerRetentionJob)]
    public Guid Id { get; private set; }
    [NotPersonalData("key of the tenant (a county)")]
    public string TenantId { get; private set; } = "";
    [NotPersonalData("a steering or working group of the network, not a person")]
    public Guid BodyId { get; private set; }
    [PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.WorkingGroupSignup, LegalBases.GdprArt6Para1A, DataRecipients.Coordination, RetentionRule.SignupRetention, DeletionPaths.PartnerRetentionJob)]
    public string Name { get; private set; } = "";
    [PersonalData(PersonalDataCategory.Contact, ProcessingPurposes.WorkingGroupSignup, LegalBases.GdprArt6Para1A, DataRecipients.Coordination, RetentionRule.SignupRetention, DeletionPaths.PartnerRetentionJob)]
    public string Email { get; private set; } = "";
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.WorkingGroupSignup, LegalBases.GdprArt6Para1A, DataRecipients.Coordination, RetentionRule.SignupRetention, DeletionPaths.PartnerRetentionJob)]
    public string? Organisation { get; private set; }
    public bool ContactConsent { get; private set; }
    [PersonalData(PersonalDataCategory.Participation, ProcessingPurposes.WorkingGroupSignup, LegalBases.GdprArt6Para1A, DataRecipients.Coordination, RetentionRule.SignupRetention, DeletionPaths.PartnerRetentionJob)]
    public SignupStatus Status { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.WorkingGroupSignup, LegalBases.GdprArt6Para1A, DataRecipients.Coordination, RetentionRule.SignupRetention, DeletionPaths.PartnerRetentionJob)]
    public DateTimeOffset SignedUpAt { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.WorkingGroupSignup, LegalBases.GdprArt6Para1A, DataRecipients.Coordination, RetentionRule.SignupRetention, DeletionPaths.PartnerRetentionJob)]
    public DateTimeOffset? DecidedAt { get; private set; }

    public static BodySignup Submit(string tenantId, Guid bodyId, string name, string email, string? organisation, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), TenantId = tenantId, BodyId = bodyId, Name = name, Email = email.ToLowerInvariant(),
        Organisation = organisation, ContactConsent = true, Status = SignupStatus.Pending, SignedUpAt = now,
    };

    public void Accept(NetworkBody body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        Decide(SignupStatus.Accepted, now);
        body.Admit(this);
    }

    public void Decline(DateTimeOffset now) => Decide(SignupStatus.Declined, now);

    private void Decide(SignupStatus status, DateTimeOffset now)
    {
        if (Status != SignupStatus.Pending)
        {
            throw new StatusConflictException("The sign-up has already been decided.");
        }

        Status = status;
        DecidedAt = now;
    }
}
