using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Contracts;

// Events of the event service (Veranstaltungen). The envelope's EventId is the message's id, so the Veranstaltung is
// NetworkEventId. No names, e-mail addresses or free text about a person: participants appear only by registration
// id and participant group.

/// <summary>A coordinator scheduled an event.</summary>
public sealed record EventScheduled : AggregateEvent
{
    /// <summary>The event (Veranstaltung).</summary>
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public required Guid NetworkEventId { get; init; }
    /// <summary>The organising organisation's key.</summary>
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public required string OrganisationId { get; init; }
    /// <summary>Format such as <c>world-cafe</c> or <c>conference</c>.</summary>
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public required string Format { get; init; }
    /// <summary>Start.</summary>
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public required DateTimeOffset StartsAt { get; init; }
    /// <summary>End.</summary>
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public required DateTimeOffset EndsAt { get; init; }
    /// <summary>Overall places.</summary>
    public required int Capacity { get; init; }
    /// <summary>Number of sessions (workshops, café tables, rounds).</summary>
    public required int SessionCount { get; init; }
    /// <summary>Whether the public can see it and register.</summary>
    public required bool IsPublic { get; init; }
}

/// <summary>A registration got a place at the event.</summary>
public sealed record RegistrationConfirmed : AggregateEvent
{
    /// <summary>The event (Veranstaltung).</summary>
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public required Guid NetworkEventId { get; init; }
    /// <summary>The registration.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid RegistrationId { get; init; }
    /// <summary><c>newcomer</c>, <c>volunteer</c>, <c>professional</c> or <c>other</c>.</summary>
    [PersonalData(PersonalDataCategory.Participation, ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string ParticipantGroup { get; init; }
}

/// <summary>The event was full: the registration is on the waiting list.</summary>
public sealed record RegistrationWaitlisted : AggregateEvent
{
    /// <summary>The event (Veranstaltung).</summary>
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public required Guid NetworkEventId { get; init; }
    /// <summary>The registration.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid RegistrationId { get; init; }
    /// <summary><c>newcomer</c>, <c>volunteer</c>, <c>professional</c> or <c>other</c>.</summary>
    [PersonalData(PersonalDataCategory.Participation, ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string ParticipantGroup { get; init; }
    /// <summary>Place on the waiting list when it joined (1 = next).</summary>
    public required int Position { get; init; }
}

/// <summary>A waitlisted registration got a freed place: at the event, or in one session when <see cref="SessionId"/> is set.</summary>
public sealed record RegistrationPromoted : AggregateEvent
{
    /// <summary>The event (Veranstaltung).</summary>
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public required Guid NetworkEventId { get; init; }
    /// <summary>The registration.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid RegistrationId { get; init; }
    /// <summary>The session whose place it got; null for a place at the event.</summary>
    [NotPersonalData("a session of the event, not a person")]
    public Guid? SessionId { get; init; }
    /// <summary><c>newcomer</c>, <c>volunteer</c>, <c>professional</c> or <c>other</c>.</summary>
    [PersonalData(PersonalDataCategory.Participation, ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string ParticipantGroup { get; init; }
}

/// <summary>A registration was cancelled by the registrant or a coordinator.</summary>
public sealed record RegistrationCancelled : AggregateEvent
{
    /// <summary>The event (Veranstaltung).</summary>
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public required Guid NetworkEventId { get; init; }
    /// <summary>The registration.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid RegistrationId { get; init; }
    /// <summary><c>confirmed</c> or <c>waitlisted</c>: what it was before.</summary>
    [PersonalData(PersonalDataCategory.Participation, ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string PreviousStatus { get; init; }
    /// <summary><c>newcomer</c>, <c>volunteer</c>, <c>professional</c> or <c>other</c>.</summary>
    [PersonalData(PersonalDataCategory.Participation, ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string ParticipantGroup { get; init; }
}

/// <summary>A participant was checked in at the event.</summary>
public sealed record AttendanceRecorded : AggregateEvent
{
    /// <summary>The event (Veranstaltung).</summary>
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public required Guid NetworkEventId { get; init; }
    /// <summary>The registration.</summary>
    [PersonalData(PersonalDataCategory.Pseudonymous, ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required Guid RegistrationId { get; init; }
    /// <summary><c>newcomer</c>, <c>volunteer</c>, <c>professional</c> or <c>other</c>.</summary>
    [PersonalData(PersonalDataCategory.Participation, ProcessingPurposes.EventRegistration | ProcessingPurposes.Reporting, LegalBases.GdprArt6Para1A | LegalBases.GdprArt6Para1E, DataRecipients.ReportingService, RetentionRule.UntilDispatched, DeletionPaths.OutboxCleanup)]
    public required string ParticipantGroup { get; init; }
}

/// <summary>The outcome of a table, session or round was recorded. Carries no text, only what reporting counts.</summary>
public sealed record EventResultsRecorded : AggregateEvent
{
    /// <summary>The event (Veranstaltung).</summary>
    [NotPersonalData("the results of an event, counted without text")]
    public required Guid NetworkEventId { get; init; }
    /// <summary>The recorded result.</summary>
    [NotPersonalData("the results of an event, counted without text")]
    public required Guid ResultId { get; init; }
    /// <summary>The table or session; null for the whole event.</summary>
    [NotPersonalData("the results of an event, counted without text")]
    public Guid? SessionId { get; init; }
    /// <summary>The event's format, such as <c>world-cafe</c>.</summary>
    [NotPersonalData("the results of an event, counted without text")]
    public required string Format { get; init; }
    /// <summary>How many topics the result names.</summary>
    public required int TopicCount { get; init; }
}

/// <summary>A participant rated the event anonymously; carries only the rating, never who gave it or the free text.</summary>
public sealed record FeedbackGiven : AggregateEvent
{
    /// <summary>The event (Veranstaltung).</summary>
    [NotPersonalData("an event (Veranstaltung) of the network, not a person")]
    public required Guid NetworkEventId { get; init; }
    /// <summary>The rating, 1 (poor) to 5 (very good).</summary>
    public required int Rating { get; init; }
}
