namespace KimPlatform.Cases.Api.Domain;

/// <summary>Phases of case management; see <see cref="Case"/> for the legal moves.</summary>
public enum CasePhase { Intake, Assessment, Plan, Monitoring, Closed }

/// <summary>Residence status categories (Aufenthaltsstatus), coarse enough to report on.</summary>
public enum ResidenceStatus
{
    /// <summary>Asylum procedure ongoing (Aufenthaltsgestattung).</summary>
    AsylumSeeker,
    /// <summary>Duldung: deportation suspended.</summary>
    Duldung,
    /// <summary>Temporary protection under § 24 AufenthG.</summary>
    TemporaryProtection,
    /// <summary>Recognised refugee or subsidiary protection.</summary>
    RecognisedRefugee,
    /// <summary>EU citizen (Freizügigkeit).</summary>
    EuCitizen,
    /// <summary>Any other residence title (work, study, family reunification …).</summary>
    OtherResidenceTitle,
    /// <summary>Naturalised German citizen.</summary>
    Naturalised,
}

/// <summary>Outreach segmentation used by steering groups.</summary>
public enum Reachability { Good, Medium, Low }

/// <summary>Target groups (Zielgruppen) of the KIM programme.</summary>
public enum TargetGroup { Youth, YoungAdults, Women, Families, Seniors, NewlyArrived, PeopleWithDisabilities }

/// <summary>Gender as the person states it.</summary>
public enum Gender { Female, Male, Diverse, Unspecified }

/// <summary>Life areas of the assessment and the integration agreement.</summary>
public enum LifeArea { Residence, Work, Language, Housing, Health, Education, Family, Other }

public enum GoalStatus { Open, Achieved, Dropped }

public enum ContactChannel { InPerson, Phone, Video, Email, Messenger, HomeVisit, Other }

public enum HouseholdRelation { Spouse, Partner, Child, Parent, Sibling, Other }

public enum CloseReason { GoalsAchieved, MovedAway, NoLongerReachable, HandedOver, PersonDeclined, Erased, Other }

public enum CloseOutcome { Achieved, PartiallyAchieved, NotAchieved }

/// <summary>How the person gave consent.</summary>
public enum ConsentForm { Written, Electronic }

/// <summary>
/// What a consent allows to be shared; a referral carries exactly these parts of the case. <see cref="Note"/> is the case
/// manager's free-text note of a referral: it can say anything about the person, so it needs consent of its own.
/// <see cref="EventRegistrations"/> shares nothing with a partner: it lets the case link the event registrations made
/// under the person's e-mail address, so the Art. 15 export asks the event service for them.
/// </summary>
public enum DataCategory { Identity, ResidenceStatus, Languages, Household, Needs, Goals, Note, EventRegistrations }

public enum ReferralStatus { Requested, Accepted, Declined, Completed }

/// <summary>Kinds of organisation a consent can name instead of one organisation.</summary>
public enum OrganisationKind
{
    Municipality, Welfare, Jobcenter, EmploymentAgency, ImmigrationOffice, YouthOffice, School, Daycare,
    MigrantOrganisation, ReligiousCommunity, VolunteerInitiative, IntegrationCentre, Other,
}
