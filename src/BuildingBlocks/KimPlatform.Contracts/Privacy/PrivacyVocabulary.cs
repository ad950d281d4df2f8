namespace KimPlatform.Contracts.Privacy;

// The vocabulary of the personal-data declarations. The German wording of the record lives in the generator
// (src/Tools/KimPlatform.PrivacyRecord); these names are what the code and the tests speak.

/// <summary>Categories of personal data (Datenkategorien).</summary>
public enum PersonalDataCategory
{
    /// <summary>Names and birth date.</summary>
    Identity,
    /// <summary>E-mail address, phone.</summary>
    Contact,
    /// <summary>Gender.</summary>
    Gender,
    /// <summary>Nationality.</summary>
    Nationality,
    /// <summary>Residence status (Aufenthaltsstatus) and arrival date.</summary>
    ResidenceStatus,
    /// <summary>Municipality of residence.</summary>
    PlaceOfResidence,
    /// <summary>Languages spoken.</summary>
    Languages,
    /// <summary>Household members.</summary>
    Household,
    /// <summary>Needs and their descriptions, which may reveal health.</summary>
    Needs,
    /// <summary>Goals of the integration agreement and progress.</summary>
    Goals,
    /// <summary>Notes of case work: contacts, notes to partners, outcomes.</summary>
    CaseNotes,
    /// <summary>Consents: purpose, recipients, text agreed to, dates.</summary>
    Consent,
    /// <summary>Pseudonymous keys (case id, registration id) and coarse statistical categories.</summary>
    Pseudonymous,
    /// <summary>Participation in events: registration, status, attendance.</summary>
    Participation,
    /// <summary>Needs at events (interpreter, accessibility, childcare); accessibility may reveal health.</summary>
    ParticipationNeeds,
    /// <summary>Volunteer profile: skills, availability, municipalities reached.</summary>
    VolunteerProfile,
    /// <summary>Certificate of conduct (Führungszeugnis) date.</summary>
    CertificateOfConduct,
    /// <summary>Staff and representatives of organisations: user ids, names, roles.</summary>
    Staff,
    /// <summary>Time stamps of the processing (opened, answered, registered …).</summary>
    ProcessingDates,
    /// <summary>A stored integration event; its fields are declared on the contract records.</summary>
    IntegrationEventPayload,
    /// <summary>Parts of a case shared under a consent, stored as one document; each part is declared on its own.</summary>
    SharedCaseData,
}

/// <summary>Processing activities (Verarbeitungstätigkeiten), one per purpose.</summary>
[Flags]
public enum ProcessingPurposes
{
    None = 0,
    /// <summary>Individual case management (Fallmanagement).</summary>
    CaseManagement = 1,
    /// <summary>Referral to a partner's offer (Vermittlung).</summary>
    Referral = 2,
    /// <summary>Event registration (Veranstaltungsanmeldung).</summary>
    EventRegistration = 4,
    /// <summary>Volunteer pool (Ehrenamtspool).</summary>
    VolunteerPool = 8,
    /// <summary>Working-group sign-up (Gremien und Arbeitsgruppen).</summary>
    WorkingGroupSignup = 16,
    /// <summary>Reporting to the coordination and the funder (Berichtswesen).</summary>
    Reporting = 32,
    /// <summary>Partner network and offer directory (contact persons of organisations).</summary>
    PartnerNetwork = 64,
}

/// <summary>Legal bases (Rechtsgrundlagen).</summary>
[Flags]
public enum LegalBases
{
    None = 0,
    /// <summary>Art. 6 (1) a GDPR: consent.</summary>
    GdprArt6Para1A = 1,
    /// <summary>Art. 6 (1) c GDPR: legal obligation.</summary>
    GdprArt6Para1C = 2,
    /// <summary>Art. 6 (1) e GDPR: task in the public interest.</summary>
    GdprArt6Para1E = 4,
    /// <summary>Art. 9 (2) a GDPR: explicit consent for special categories.</summary>
    GdprArt9Para2A = 8,
    /// <summary>Art. 9 (2) h GDPR: social care.</summary>
    GdprArt9Para2H = 16,
    /// <summary>§ 67a SGB X: collection of social data.</summary>
    SgbX67A = 32,
    /// <summary>§ 67b SGB X: processing with the person's consent or where a law allows.</summary>
    SgbX67B = 64,
    /// <summary>§ 67c SGB X: storage, change and use of social data.</summary>
    SgbX67C = 128,
    /// <summary>§ 69 SGB X: transfer for social tasks.</summary>
    SgbX69 = 256,
    /// <summary>§ 50 SGB II: data exchange with the Jobcenter.</summary>
    SgbII50 = 512,
    /// <summary>Art. 88 GDPR with the employment data rules of federal or state law: data about staff.</summary>
    EmploymentArt88 = 1024,
}

/// <summary>Recipients (Empfänger), inside and outside the platform.</summary>
[Flags]
public enum DataRecipients
{
    None = 0,
    /// <summary>Case managers of the organisation running the case.</summary>
    CaseOrganisation = 1,
    /// <summary>Partner organisations named in the person's consent.</summary>
    ConsentedPartners = 2,
    /// <summary>Staff of the organisation that holds the record (partner, volunteer pool).</summary>
    HoldingOrganisation = 4,
    /// <summary>The tenant's KIM coordination.</summary>
    Coordination = 8,
    /// <summary>The reporting service (pseudonymous categories only).</summary>
    ReportingService = 16,
    /// <summary>The partner service.</summary>
    PartnersService = 32,
    /// <summary>The case service.</summary>
    CasesService = 64,
    /// <summary>The event service.</summary>
    EventsService = 128,
    /// <summary>The public (directory, event pages).</summary>
    Public = 256,
    /// <summary>The person themselves (export, receipt, cancellation).</summary>
    DataSubject = 512,
}

/// <summary>Retention rules (Speicherdauer).</summary>
public enum RetentionRule
{
    /// <summary>Until the case is erased, or the tenant's retention period (default 36 months) after closing.</summary>
    CaseRetention,
    /// <summary>Until the consent is withdrawn or the case is erased or anonymised.</summary>
    UntilConsentWithdrawn,
    /// <summary>At the partner until 6 months after the referral was answered, consent withdrawal or case erasure.</summary>
    ReferralRetention,
    /// <summary>Until 90 days after the event ended.</summary>
    EventRetention,
    /// <summary>As long as the volunteer stays in the pool.</summary>
    WhileInVolunteerPool,
    /// <summary>Until accepted (then as member) or 90 days when not accepted.</summary>
    SignupRetention,
    /// <summary>As long as the body or organisation exists.</summary>
    WhileMember,
    /// <summary>Pseudonymous and kept for statistics.</summary>
    StatisticsRetention,
    /// <summary>Kept as evidence with the case's anonymous skeleton (audit trail, proof of consent).</summary>
    AuditRetention,
    /// <summary>Outbox: personal fields blanked when the broker confirms; rows deleted 7 days later.</summary>
    UntilDispatched,
    /// <summary>Not stored: crosses the broker once, in a request or its answer.</summary>
    NotStored,
}

/// <summary>Deletion paths (Löschung).</summary>
[Flags]
public enum DeletionPaths
{
    None = 0,
    /// <summary>Erasure of the case on request (Art. 17).</summary>
    CaseErasure = 1,
    /// <summary>The case service's retention job anonymises closed cases.</summary>
    CaseRetentionJob = 2,
    /// <summary>Redaction at the receiver when the consent is withdrawn.</summary>
    ConsentWithdrawal = 4,
    /// <summary>The partner service's retention job.</summary>
    PartnerRetentionJob = 8,
    /// <summary>The event service's retention job.</summary>
    RegistrationRetentionJob = 16,
    /// <summary>The outbox dispatcher's clean-up.</summary>
    OutboxCleanup = 32,
    /// <summary>Deleted or changed by the holding organisation's staff.</summary>
    ByStaff = 64,
    /// <summary>Not deleted: pseudonymous, or append-only audit.</summary>
    NotDeleted = 128,
    /// <summary>Nothing to delete: never stored.</summary>
    NothingStored = 256,
}
