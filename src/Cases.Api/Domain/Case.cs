using KimPlatform.Contracts;
using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Cases.Api.Domain;

/// <summary>
/// Individual case management for one person, run by one organisation of a tenant. Phases move
/// intake → assessment → plan → monitoring → closed, and closed → monitoring by reopening; every other move is a
/// <see cref="CaseConflictException"/>. Every change goes through a method here: it raises the version once and
/// queues the integration events that describe it; the caller stores both in one transaction. The collections are
/// read-only from outside; EF Core maps their backing fields.
/// </summary>
public sealed class Case
{
    private readonly List<IntegrationEvent> _events = [];
    private readonly List<Need> _needs = [];
    private readonly List<Goal> _goals = [];
    private readonly List<Contact> _contacts = [];
    private readonly List<Consent> _consents = [];
    private readonly List<Referral> _referrals = [];
    private readonly List<StructuralFinding> _findings = [];

    private Case()
    {
    }

    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Referral | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService | DataRecipients.PartnersService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public Guid Id { get; private set; }
    [NotPersonalData("key of the tenant (a county)")]
    public string TenantId { get; private set; } = "";
    [NotPersonalData("key of an organisation, not of a person")]
    public string OrganisationId { get; private set; } = "";
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public CasePhase Phase { get; private set; }

    /// <summary>When and at which version the case entered its current phase, for the reporting figures' days per phase.</summary>
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public DateTimeOffset PhaseEnteredAt { get; private set; }
    public long PhaseEnteredVersion { get; private set; }

    /// <summary>Incremented by every change; the ETag and the events' <c>Version</c>.</summary>
    public long Version { get; private set; }

    /// <summary>Null once the personal data has been erased.</summary>
    public Person? Person { get; private set; }

    // Search columns derived from the person, erased with it.
    [PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public string? FoldedName { get; private set; }
    [PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public IReadOnlyList<string>? NameKeys { get; private set; }
    [PersonalData(PersonalDataCategory.Identity, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.CaseRetention, DeletionPaths.CaseErasure | DeletionPaths.CaseRetentionJob)]
    public DateOnly? BirthDate { get; private set; }

    // The anonymous skeleton that statistics keep after erasure.
    [PersonalData(PersonalDataCategory.PlaceOfResidence, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public string Municipality { get; private set; } = "";
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public string AgeBand { get; private set; } = "";
    [PersonalData(PersonalDataCategory.ResidenceStatus, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public ResidenceStatus ResidenceStatus { get; private set; }
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C | LegalBases.GdprArt9Para2A | LegalBases.GdprArt9Para2H, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted, Special = true)]
    public IReadOnlyList<TargetGroup> TargetGroups { get; private set; } = [];
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public Reachability Reachability { get; private set; }

    [PersonalData(PersonalDataCategory.Staff, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1C | LegalBases.EmploymentArt88, DataRecipients.CaseOrganisation, RetentionRule.AuditRetention, DeletionPaths.NotDeleted)]
    public string? AssignedCaseManagerId { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset OpenedAt { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset? ClosedAt { get; private set; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public CloseReason? CloseReason { get; private set; }
    [PersonalData(PersonalDataCategory.CaseNotes, ProcessingPurposes.CaseManagement | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject | DataRecipients.ReportingService, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public CloseOutcome? CloseOutcome { get; private set; }
    [PersonalData(PersonalDataCategory.ProcessingDates, ProcessingPurposes.CaseManagement, LegalBases.GdprArt6Para1E | LegalBases.SgbX67A | LegalBases.SgbX67C, DataRecipients.CaseOrganisation | DataRecipients.DataSubject, RetentionRule.StatisticsRetention, DeletionPaths.NotDeleted)]
    public DateTimeOffset? ErasedAt { get; private set; }

    public IReadOnlyList<Need> Needs => _needs.AsReadOnly();
    public IReadOnlyList<Goal> Goals => _goals.AsReadOnly();
    public IReadOnlyList<Contact> Contacts => _contacts.AsReadOnly();
    public IReadOnlyList<Consent> Consents => _consents.AsReadOnly();
    public IReadOnlyList<Referral> Referrals => _referrals.AsReadOnly();
    public IReadOnlyList<StructuralFinding> Findings => _findings.AsReadOnly();

    /// <summary>Events raised since the case was loaded, for the outbox.</summary>
    public IReadOnlyList<IntegrationEvent> Events => _events;

    public bool IsErased => ErasedAt is not null;

    /// <summary>The person's e-mail address while a valid consent names <see cref="DataCategory.EventRegistrations"/>; else null.</summary>
    public string? LinkedEmail(DateOnly today) =>
        Person?.Email is { } email && _consents.Any(consent => consent.IsValidOn(today) && consent.DataCategories.Contains(DataCategory.EventRegistrations))
            ? email
            : null;

    public static Case Open(
        string tenantId, string organisationId, string caseManagerId, Person person,
        IReadOnlyList<TargetGroup> targetGroups, Reachability reachability, DateTimeOffset now)
    {
        var opened = new Case
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            OrganisationId = organisationId,
            Phase = CasePhase.Intake,
            Version = 1,
            PhaseEnteredAt = now,
            PhaseEnteredVersion = 1,
            Person = person,
            FoldedName = person.FoldedName,
            NameKeys = person.NameKeys,
            BirthDate = person.BirthDate,
            Municipality = person.Municipality,
            AgeBand = person.AgeBandOn(DateOnly.FromDateTime(now.UtcDateTime)),
            ResidenceStatus = person.ResidenceStatus,
            TargetGroups = targetGroups,
            Reachability = reachability,
            AssignedCaseManagerId = caseManagerId,
            OpenedAt = now,
        };

        opened._events.Add(new CaseOpened
        {
            EventId = Guid.CreateVersion7(now),
            TenantId = tenantId,
            OccurredAt = now,
            Version = opened.Version,
            CaseId = opened.Id,
            OrganisationId = organisationId,
            Municipality = opened.Municipality,
            AgeBand = opened.AgeBand,
            ResidenceStatus = ContractValue.Of(opened.ResidenceStatus),
            TargetGroups = targetGroups.Select(group => ContractValue.Of(group)).ToArray(),
            Reachability = ContractValue.Of(reachability),
            CaseManagerId = caseManagerId,
        });
        return opened;
    }

    public void RecordAssessment(IReadOnlyList<Need> needs, DateTimeOffset now)
    {
        MoveTo(CasePhase.Assessment, now, from: CasePhase.Intake);
        _needs.Clear();
        _needs.AddRange(needs);
    }

    public void AgreePlan(IReadOnlyList<Goal> goals, DateTimeOffset now)
    {
        MoveTo(CasePhase.Plan, now, from: CasePhase.Assessment);
        _goals.Clear();
        _goals.AddRange(goals);
        foreach (var goal in goals)
        {
            Raise(now, (id, version) => new GoalAgreed
            {
                EventId = id, TenantId = TenantId, OccurredAt = now, Version = version, CaseId = Id,
                OrganisationId = OrganisationId, GoalId = goal.Id, LifeArea = ContractValue.Of(goal.LifeArea), DueDate = goal.DueDate,
            });
        }
    }

    public void StartMonitoring(DateTimeOffset now) => MoveTo(CasePhase.Monitoring, now, from: CasePhase.Plan);

    public void Close(CloseReason reason, CloseOutcome outcome, DateTimeOffset now)
    {
        MoveTo(CasePhase.Closed, now, from: CasePhase.Monitoring);
        ClosedAt = now;
        CloseReason = reason;
        CloseOutcome = outcome;
        RaiseClosed(now);
    }

    public void Reopen(DateTimeOffset now)
    {
        RequireNotErased();
        MoveTo(CasePhase.Monitoring, now, from: CasePhase.Closed);
        ClosedAt = null;
        CloseReason = null;
        CloseOutcome = null;
        Raise(now, (id, version) => new CaseReopened
        {
            EventId = id, TenantId = TenantId, OccurredAt = now, Version = version, CaseId = Id, OrganisationId = OrganisationId,
        });
    }

    public void RecordGoalProgress(Guid goalId, GoalStatus status, string? note, string by, DateTimeOffset now)
    {
        RequireNotClosed();
        if (Phase is not (CasePhase.Plan or CasePhase.Monitoring))
        {
            throw new CaseConflictException($"Goals can be updated in phase plan or monitoring, not in {ContractValue.Of(Phase)}.");
        }

        var goal = _goals.FirstOrDefault(candidate => candidate.Id == goalId)
            ?? throw new CasePartNotFoundException($"The case has no goal {goalId}.");
        goal.Record(new GoalProgressNote { Status = status, Note = note, At = now, By = by });
        Touch();
        Raise(now, (id, version) => new GoalProgressed
        {
            EventId = id, TenantId = TenantId, OccurredAt = now, Version = version, CaseId = Id, OrganisationId = OrganisationId,
            GoalId = goal.Id, LifeArea = ContractValue.Of(goal.LifeArea), Status = ContractValue.Of(status),
        });
    }

    public Contact LogContact(DateOnly date, ContactChannel channel, string? note, string by, DateTimeOffset now)
    {
        RequireNotClosed();
        var contact = new Contact { Date = date, Channel = channel, Note = note, By = by };
        _contacts.Add(contact);
        Touch();
        return contact;
    }

    public void Assign(string caseManagerId, DateTimeOffset now)
    {
        RequireNotClosed();
        AssignedCaseManagerId = caseManagerId;
        Touch();
        Raise(now, (id, version) => new CaseAssigned
        {
            EventId = id, TenantId = TenantId, OccurredAt = now, Version = version, CaseId = Id, OrganisationId = OrganisationId,
            CaseManagerId = caseManagerId,
        });
    }

    public Consent GiveConsent(Consent consent, DateTimeOffset now)
    {
        RequireNotClosed();
        _consents.Add(consent);
        Touch();
        Raise(now, (id, version) => new ConsentGiven
        {
            EventId = id, TenantId = TenantId, OccurredAt = now, Version = version, CaseId = Id, OrganisationId = OrganisationId,
            ConsentId = consent.Id, Recipients = consent.Recipients.Select(ToContract).ToArray(),
            DataCategories = consent.DataCategories.Select(category => ContractValue.Of(category)).ToArray(), ValidUntil = consent.ValidUntil,
        });
        return consent;
    }

    public void WithdrawConsent(Guid consentId, DateTimeOffset now)
    {
        RequireNotErased();
        var consent = FindConsent(consentId);
        if (consent.WithdrawnAt is not null)
        {
            throw new CaseConflictException("The consent has already been withdrawn.");
        }

        consent.Withdraw(now);
        Touch();
        Raise(now, (id, version) => new ConsentWithdrawn
        {
            EventId = id, TenantId = TenantId, OccurredAt = now, Version = version, CaseId = Id, OrganisationId = OrganisationId,
            ConsentId = consent.Id, Recipients = consent.Recipients.Select(ToContract).ToArray(),
            ReferralIds = Referrals.Where(referral => referral.ConsentId == consent.Id).Select(referral => referral.Id).ToArray(),
        });
    }

    /// <summary>
    /// Refers the person to a partner's offer. Needs a valid consent naming the partner or its kind (the given one, or
    /// else any that covers it); the event shares exactly the consent's data categories.
    /// </summary>
    public Referral RequestReferral(
        Guid offerId, string partnerOrganisationId, OrganisationKind? partnerKind, Guid? consentId, string? note, DateTimeOffset now)
    {
        RequireNotClosed();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var consent = consentId is { } requested
            ? FindConsent(requested)
            : _consents.FirstOrDefault(candidate => candidate.IsValidOn(today) && candidate.Covers(partnerOrganisationId, partnerKind));
        if (consent is null || !consent.IsValidOn(today) || !consent.Covers(partnerOrganisationId, partnerKind))
        {
            throw new CaseRuleException(
                $"No valid consent of this case covers sharing with '{partnerOrganisationId}'"
                + (partnerKind is { } kind ? $" (kind {ContractValue.Of(kind)})" : "")
                + ". Record the person's consent naming this organisation or its kind first, or renew a withdrawn or expired one.",
                new Dictionary<string, object?>
                {
                    ["missingConsent"] = new { recipient = partnerOrganisationId, kind = partnerKind is { } k ? ContractValue.Of(k) : null },
                    ["consentId"] = consent?.Id,
                });
        }

        var referral = new Referral
        {
            OfferId = offerId, PartnerOrganisationId = partnerOrganisationId, ConsentId = consent.Id, Note = note, RequestedAt = now,
        };
        _referrals.Add(referral);
        Touch();
        Raise(now, (id, version) => SharedUnder(consent, referral, id, version, now));
        return referral;
    }

    /// <summary>
    /// Follows the partner's answer. <paramref name="partnerVersion"/> is the partner's version of the referral, so an
    /// answer that arrives late (accepted after completed) or twice changes nothing.
    /// </summary>
    public bool ApplyReferralAnswer(Guid referralId, ReferralStatus status, string? detail, DateTimeOffset at, long partnerVersion)
    {
        var referral = _referrals.FirstOrDefault(candidate => candidate.Id == referralId)
            ?? throw new CasePartNotFoundException($"The case has no referral {referralId}.");
        if (!referral.Answer(status, detail, at, partnerVersion))
        {
            return false;
        }

        Touch();
        return true;
    }

    public StructuralFinding ReportFinding(LifeArea lifeArea, string theme, string description, DateTimeOffset now)
    {
        var finding = new StructuralFinding { LifeArea = lifeArea, Theme = theme, Description = description, ReportedAt = now };
        _findings.Add(finding);
        Touch();
        _events.Add(new StructuralFindingReported
        {
            EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, FindingId = finding.Id,
            OrganisationId = OrganisationId, Municipality = Municipality, LifeArea = ContractValue.Of(lifeArea),
            Theme = theme, Description = description,
        });
        return finding;
    }

    /// <summary>
    /// Erases the personal data (Art. 17 GDPR, or the retention period ran out) and keeps an anonymous skeleton —
    /// phase, dates, categories, goal and referral states — so that statistics stay right.
    /// </summary>
    public void Erase(string cause, DateTimeOffset now)
    {
        RequireNotErased();
        Touch();
        if (Phase != CasePhase.Closed)
        {
            var from = Phase;
            Phase = CasePhase.Closed;
            ClosedAt = now;
            CloseReason = Domain.CloseReason.Erased;
            CloseOutcome ??= Domain.CloseOutcome.NotAchieved;
            RaisePhaseChanged(from, now);
            RaiseClosed(now);
        }

        Person = null;
        FoldedName = null;
        NameKeys = null;
        BirthDate = null;
        ErasedAt = now;
        _needs.ForEach(need => need.Erase());
        _goals.ForEach(goal => goal.Erase());
        _contacts.ForEach(contact => contact.Erase());
        _referrals.ForEach(referral => referral.Erase());
        _consents.ForEach(consent => consent.Erase());
        Raise(now, (id, version) => new CaseErased
        {
            EventId = id, TenantId = TenantId, OccurredAt = now, Version = version, CaseId = Id, OrganisationId = OrganisationId, Cause = cause,
            Goals = _goals.Select(goal => new ErasedGoal(goal.Id, ContractValue.Of(goal.Status), goal.Progress.Count == 0 ? null : goal.Progress[^1].At)).ToArray(),
        });
    }

    private ReferralRequested SharedUnder(Consent consent, Referral referral, Guid eventId, long version, DateTimeOffset now)
    {
        var person = Person!;
        bool Allows(DataCategory category) => consent.DataCategories.Contains(category);
        return new ReferralRequested
        {
            EventId = eventId, TenantId = TenantId, OccurredAt = now, Version = version, CaseId = Id,
            ReferralId = referral.Id, OfferId = referral.OfferId, PartnerOrganisationId = referral.PartnerOrganisationId,
            ReferringOrganisationId = OrganisationId, ConsentId = consent.Id, Municipality = Municipality,
            Note = Allows(DataCategory.Note) ? referral.Note : null,
            DataCategories = consent.DataCategories.Select(category => ContractValue.Of(category)).ToArray(),
            Person = Allows(DataCategory.Identity) ? new ReferredPerson(person.GivenName, person.FamilyName, person.BirthDate) : null,
            ResidenceStatus = Allows(DataCategory.ResidenceStatus) ? ContractValue.Of(person.ResidenceStatus) : null,
            Languages = Allows(DataCategory.Languages) ? person.Languages : null,
            Household = Allows(DataCategory.Household)
                ? person.Household.Select(member => new ReferredHouseholdMember(ContractValue.Of(member.Relation), member.GivenName, member.BirthYear)).ToArray()
                : null,
            Needs = Allows(DataCategory.Needs) ? Needs.Select(need => new ReferredNeed(ContractValue.Of(need.LifeArea), need.Description)).ToArray() : null,
            Goals = Allows(DataCategory.Goals)
                ? Goals.Select(goal => new ReferredGoal(ContractValue.Of(goal.LifeArea), goal.Description, goal.DueDate)).ToArray()
                : null,
        };
    }

    private Consent FindConsent(Guid consentId) =>
        _consents.FirstOrDefault(candidate => candidate.Id == consentId)
        ?? throw new CasePartNotFoundException($"The case has no consent {consentId}.");

    private void MoveTo(CasePhase to, DateTimeOffset now, CasePhase from)
    {
        RequireNotErased();
        if (Phase != from)
        {
            throw new CaseConflictException(
                $"A case in phase {ContractValue.Of(Phase)} cannot move to {ContractValue.Of(to)}; only from {ContractValue.Of(from)}.");
        }

        Phase = to;
        Touch();
        RaisePhaseChanged(from, now);
    }

    private void RaisePhaseChanged(CasePhase from, DateTimeOffset now)
    {
        var previousVersion = PhaseEnteredVersion;
        var daysInPreviousPhase = WholeDays(PhaseEnteredAt, now);
        Raise(now, (id, version) => new CasePhaseChanged
        {
            EventId = id, TenantId = TenantId, OccurredAt = now, Version = version, CaseId = Id, OrganisationId = OrganisationId,
            FromPhase = ContractValue.Of(from), ToPhase = ContractValue.Of(Phase),
            PreviousVersion = previousVersion, DaysInPreviousPhase = daysInPreviousPhase,
        });
        PhaseEnteredAt = now;
        PhaseEnteredVersion = Version;
    }

    private void RaiseClosed(DateTimeOffset now) =>
        Raise(now, (id, version) => new CaseClosed
        {
            EventId = id, TenantId = TenantId, OccurredAt = now, Version = version, CaseId = Id, OrganisationId = OrganisationId,
            Reason = ContractValue.Of(CloseReason!.Value), Outcome = ContractValue.Of(CloseOutcome!.Value),
            DaysOpen = WholeDays(OpenedAt, now),
        });

    private static int WholeDays(DateTimeOffset from, DateTimeOffset to) =>
        Math.Max(0, DateOnly.FromDateTime(to.UtcDateTime).DayNumber - DateOnly.FromDateTime(from.UtcDateTime).DayNumber);

    private void RequireNotClosed()
    {
        RequireNotErased();
        if (Phase == CasePhase.Closed)
        {
            throw new CaseConflictException("The case is closed; reopen it first.");
        }
    }

    private void RequireNotErased()
    {
        if (IsErased)
        {
            throw new CaseConflictException("The case's personal data has been erased; it can no longer be changed.");
        }
    }

    // Each public method is one change: it calls Touch once, before raising its events, so every event of the
    // change carries the version after it.
    private void Touch() => Version++;

    private void Raise<TEvent>(DateTimeOffset now, Func<Guid, long, TEvent> create) where TEvent : IntegrationEvent =>
        _events.Add(create(Guid.CreateVersion7(now), Version));

    private static Contracts.ConsentRecipient ToContract(ConsentRecipientPart recipient) =>
        new(recipient.OrganisationId, recipient.OrganisationKind is { } kind ? ContractValue.Of(kind) : null);
}
