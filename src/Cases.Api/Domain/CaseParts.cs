using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Cases.Api.Domain;

// The parts of a case, stored with it (as JSON). They are read-only from outside: what changes after creation
// changes through Case, which raises the version and the event. The backing fields are what EF Core maps.

public sealed class Need
{
    private string _description = "";

    [PersonalData(PersonalDataCategory.Needs, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C | LegalBases.GdprArt9Para2A | LegalBases.GdprArt9Para2H, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted, Special = true)]
    public required LifeArea LifeArea { get; init; }
    [PersonalData(PersonalDataCategory.Needs, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C | LegalBases.GdprArt9Para2A | LegalBases.GdprArt9Para2H, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob, Special = true)]
    public required string Description { get => _description; init => _description = value; }

    internal void Erase() => _description = "";
}

public sealed class Goal
{
    private readonly List<GoalProgressNote> _progress = [];
    private string _description = "";

    [NotPersonalData("random key of an entry; identifies no person")]
    public Guid Id { get; init; } = Guid.CreateVersion7();
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required LifeArea LifeArea { get; init; }
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public required string Description { get => _description; init => _description = value; }
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required DateOnly DueDate { get; init; }
    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public GoalStatus Status { get; private set; } = GoalStatus.Open;
    public IReadOnlyList<GoalProgressNote> Progress => _progress.AsReadOnly();

    internal void Record(GoalProgressNote note)
    {
        Status = note.Status;
        _progress.Add(note);
    }

    internal void Erase()
    {
        _description = "";
        _progress.ForEach(note => note.Erase());
    }
}

public sealed class GoalProgressNote
{
    private string? _note;

    [PersonalData(PersonalDataCategory.Goals, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required GoalStatus Status { get; init; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C | LegalBases.GdprArt9Para2A | LegalBases.GdprArt9Para2H, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob, Special = true)]
    public string? Note { get => _note; init => _note = value; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required DateTimeOffset At { get; init; }
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1C | LegalBases.EmploymentArt88, DataRecipients.CaseOrganisation, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public required string By { get; init; }

    internal void Erase() => _note = null;
}

public sealed class Contact
{
    private string? _note;

    [NotPersonalData("random key of an entry; identifies no person")]
    public Guid Id { get; init; } = Guid.CreateVersion7();
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required DateOnly Date { get; init; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required ContactChannel Channel { get; init; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C | LegalBases.GdprArt9Para2A | LegalBases.GdprArt9Para2H, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob, Special = true)]
    public string? Note { get => _note; init => _note = value; }
    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1C | LegalBases.EmploymentArt88, DataRecipients.CaseOrganisation, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public required string By { get; init; }

    internal void Erase() => _note = null;
}

public sealed class Referral
{
    private string? _note;

    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ConsentedPartners, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public Guid Id { get; init; } = Guid.CreateVersion7();
    [NotPersonalData("key of a public offer")]
    public required Guid OfferId { get; init; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required string PartnerOrganisationId { get; init; }
    [NotPersonalData("key of the consent entry; the consent itself is declared on Consent")]
    public required Guid ConsentId { get; init; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C | LegalBases.GdprArt9Para2A | LegalBases.GdprArt9Para2H, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ConsentedPartners, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob, Special = true)]
    public string? Note { get => _note; init => _note = value; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public ReferralStatus Status { get; private set; } = ReferralStatus.Requested;
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public required DateTimeOffset RequestedAt { get; init; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset? AnsweredAt { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset? CompletedAt { get; private set; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C | LegalBases.GdprArt9Para2A | LegalBases.GdprArt9Para2H, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ConsentedPartners, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob, Special = true)]
    public string? DeclineReason { get; private set; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C | LegalBases.GdprArt9Para2A | LegalBases.GdprArt9Para2H, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ConsentedPartners, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob, Special = true)]
    public string? Outcome { get; private set; }

    /// <summary>The partner's version of the referral last applied.</summary>
    public long PartnerVersion { get; private set; }

    /// <summary>Applies the partner's answer unless a newer one was applied already; see <see cref="Case.ApplyReferralAnswer"/>.</summary>
    internal bool Answer(ReferralStatus status, string? detail, DateTimeOffset at, long partnerVersion)
    {
        if (partnerVersion <= PartnerVersion)
        {
            return false;
        }

        PartnerVersion = partnerVersion;
        Status = status;
        switch (status)
        {
            case ReferralStatus.Accepted:
                AnsweredAt ??= at;
                break;
            case ReferralStatus.Declined:
                AnsweredAt ??= at;
                DeclineReason = detail;
                break;
            case ReferralStatus.Completed:
                AnsweredAt ??= at;
                CompletedAt = at;
                Outcome = detail;
                break;
        }

        return true;
    }

    // The partner's answers are free text about the person too.
    internal void Erase() => (_note, DeclineReason, Outcome) = (null, null, null);
}

public sealed class StructuralFinding
{
    [NotPersonalData("random key of an entry; identifies no person")]
    public Guid Id { get; init; } = Guid.CreateVersion7();
    [NotPersonalData("a gap in the local system, written without personal data")]
    public required LifeArea LifeArea { get; init; }
    [NotPersonalData("a gap in the local system, written without personal data")]
    public required string Theme { get; init; }
    [NotPersonalData("a gap in the local system, written without personal data")]
    public required string Description { get; init; }
    [NotPersonalData("when the gap was reported; says nothing about a person")]
    public required DateTimeOffset ReportedAt { get; init; }
}
