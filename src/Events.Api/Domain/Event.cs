using KimPlatform.Contracts;
using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Events.Api.Domain;

/// <summary>
/// A network event (Veranstaltung) with its sessions and registrations. The registrations belong to the aggregate
/// because the capacity rule spans all of them: a place is never given twice, the waiting list is served in
/// arrival order, and a free place never coexists with a waiting registration, at the event and in every session.
/// The caller loads the event with its active registrations under a row lock and stores the changes and
/// <see cref="Raised"/> in one transaction. Every change raises the version once.
/// </summary>
public sealed class Event
{
    private readonly List<IntegrationEvent> _raised = [];
    private readonly List<EventSession> _sessions = [];
    private readonly List<Registration> _registrations = [];
    private readonly List<EventResult> _results = [];
    private readonly List<Minutes> _minutes = [];
    private readonly List<Feedback> _feedback = [];

    private Event()
    {
    }

    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public Guid Id { get; private set; }
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public string TenantId { get; private set; } = "";
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public string OrganisationId { get; private set; } = "";
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public string Title { get; private set; } = "";
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public EventFormat Format { get; private set; }
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public DateTimeOffset StartsAt { get; private set; }
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public DateTimeOffset EndsAt { get; private set; }
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public string Venue { get; private set; } = "";
    public int Capacity { get; private set; }
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public DateTimeOffset? RegistrationOpensAt { get; private set; }
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public DateTimeOffset? RegistrationClosesAt { get; private set; }
    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public IReadOnlyList<string> Languages { get; private set; } = [];
    public bool IsPublic { get; private set; }
    public long Version { get; private set; }

    /// <summary>The last arrival number handed out; registrations are numbered in the order they got the lock.</summary>
    public long LastSequence { get; private set; }

    [NotPersonalData("an event (Veranstaltung) of the network, not about a person")]
    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<EventSession> Sessions => _sessions.AsReadOnly();

    /// <summary>The registrations loaded with the event: the active ones, plus any cancelled in this unit of work.</summary>
    public IReadOnlyList<Registration> Registrations => _registrations.AsReadOnly();

    public IReadOnlyList<EventResult> Results => _results.AsReadOnly();
    public IReadOnlyList<Minutes> Minutes => _minutes.AsReadOnly();
    public IReadOnlyList<Feedback> Feedback => _feedback.AsReadOnly();

    /// <summary>Events raised since the event was loaded, for the outbox.</summary>
    public IReadOnlyList<IntegrationEvent> Raised => _raised;

    /// <summary>Registration closes when the event starts unless the organiser set another time.</summary>
    public DateTimeOffset EffectiveClosesAt => RegistrationClosesAt ?? StartsAt;

    public static Event Schedule(string tenantId, string organisationId, EventPlan plan, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var scheduled = new Event
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            OrganisationId = organisationId,
            Title = plan.Title,
            Format = plan.Format,
            StartsAt = plan.StartsAt,
            EndsAt = plan.EndsAt,
            Venue = plan.Venue,
            Capacity = plan.Capacity,
            RegistrationOpensAt = plan.RegistrationOpensAt,
            RegistrationClosesAt = plan.RegistrationClosesAt,
            Languages = plan.Languages,
            IsPublic = plan.IsPublic,
            CreatedAt = now,
        };
        scheduled._sessions.AddRange(plan.Sessions.Select(session => new EventSession(Guid.CreateVersion7(now), session.Title, session.Capacity)));
        scheduled.NextVersion();
        scheduled._raised.Add(new EventScheduled
        {
            EventId = Guid.CreateVersion7(now), TenantId = tenantId, OccurredAt = now, Version = scheduled.Version,
            NetworkEventId = scheduled.Id, OrganisationId = organisationId, Format = ContractValue.Of(plan.Format),
            StartsAt = plan.StartsAt, EndsAt = plan.EndsAt, Capacity = plan.Capacity, SessionCount = plan.Sessions.Count,
            IsPublic = plan.IsPublic,
        });
        return scheduled;
    }

    public bool IsRegistrationOpen(DateTimeOffset now) =>
        (RegistrationOpensAt is null || RegistrationOpensAt <= now) && now < EffectiveClosesAt;

    /// <summary>Registers an applicant: a place if there is one, else the end of the waiting list; the same per session.</summary>
    /// <exception cref="EventRuleException">Outside the registration window, or an unknown session.</exception>
    /// <exception cref="EventConflictException">The e-mail address is already registered for this event.</exception>
    public Registration Register(Applicant applicant, string cancelToken, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        if (!IsRegistrationOpen(now))
        {
            throw new EventRuleException(RegistrationOpensAt > now
                ? $"Registration opens at {RegistrationOpensAt:O}."
                : $"Registration closed at {EffectiveClosesAt:O}.");
        }

        if (applicant.SessionIds.FirstOrDefault(id => _sessions.All(session => session.Id != id)) is var unknown && unknown != Guid.Empty)
        {
            throw new EventRuleException($"The event has no session {unknown}.");
        }

        var key = Registration.KeyOf(applicant.Email);
        if (_registrations.Any(existing => existing.IsActive && existing.EmailKey == key))
        {
            throw new EventConflictException("This e-mail address is already registered for the event.");
        }

        NextVersion();
        LastSequence++;
        var registration = new Registration(Guid.CreateVersion7(now), TenantId, Id, LastSequence, applicant, cancelToken, now);
        registration.Choose(applicant.SessionIds.Distinct());
        var hasPlace = CountAt(PlaceStatus.Confirmed) < Capacity;
        registration.Place(hasPlace ? PlaceStatus.Confirmed : PlaceStatus.Waitlisted);
        _registrations.Add(registration);

        _raised.Add(hasPlace
            ? new RegistrationConfirmed
            {
                EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version,
                NetworkEventId = Id, RegistrationId = registration.Id, ParticipantGroup = ContractValue.Of(registration.ParticipantGroup),
            }
            : new RegistrationWaitlisted
            {
                EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version,
                NetworkEventId = Id, RegistrationId = registration.Id, ParticipantGroup = ContractValue.Of(registration.ParticipantGroup),
                Position = WaitlistPosition(registration) ?? 0,
            });
        FillSessions(registration, now);
        return registration;
    }

    /// <summary>Cancels an active registration and gives its places to the first waiting ones.</summary>
    /// <exception cref="EventPartNotFoundException">No active registration with that id.</exception>
    public Registration Cancel(Guid registrationId, DateTimeOffset now)
    {
        var registration = Active(registrationId);
        var previous = registration.Status;
        NextVersion();
        registration.Cancel(now);
        _raised.Add(new RegistrationCancelled
        {
            EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version,
            NetworkEventId = Id, RegistrationId = registration.Id, PreviousStatus = ContractValue.Of(previous),
            ParticipantGroup = ContractValue.Of(registration.ParticipantGroup),
        });
        PromoteAtEvent(now);
        FillSessions(arriving: null, now);
        return registration;
    }

    /// <summary>Records that a confirmed participant came; a second check-in changes nothing.</summary>
    /// <returns>Whether this call recorded the attendance.</returns>
    /// <exception cref="EventPartNotFoundException">No active registration with that id.</exception>
    /// <exception cref="EventRuleException">The registration is on the waiting list.</exception>
    public bool CheckIn(Guid registrationId, DateTimeOffset now)
    {
        var registration = Active(registrationId);
        if (registration.Status != PlaceStatus.Confirmed)
        {
            throw new EventRuleException("Only confirmed registrations can be checked in; this one is on the waiting list.");
        }

        if (registration.CheckedInAt is not null)
        {
            return false;
        }

        NextVersion();
        registration.CheckIn(now);
        _raised.Add(new AttendanceRecorded
        {
            EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version,
            NetworkEventId = Id, RegistrationId = registration.Id, ParticipantGroup = ContractValue.Of(registration.ParticipantGroup),
        });
        return true;
    }

    /// <summary>Records the outcome of a table, session or round (or of the whole event when no session is named).</summary>
    /// <exception cref="EventRuleException">An unknown session.</exception>
    public EventResult RecordResult(Guid? sessionId, int? round, IReadOnlyList<string> topics, string text, DateTimeOffset now)
    {
        if (sessionId is { } id && _sessions.All(session => session.Id != id))
        {
            throw new EventRuleException($"The event has no session {id}.");
        }

        NextVersion();
        var result = new EventResult(Guid.CreateVersion7(now), sessionId, round, topics, text, now);
        _results.Add(result);
        _raised.Add(new EventResultsRecorded
        {
            EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version,
            NetworkEventId = Id, ResultId = result.Id, SessionId = sessionId, Format = ContractValue.Of(Format), TopicCount = topics.Count,
        });
        return result;
    }

    /// <summary>
    /// Takes a registrant's anonymous answer, once per registration. Answers are kept in random order, so their
    /// position does not tell which registration gave which.
    /// </summary>
    /// <exception cref="EventPartNotFoundException">No active registration with that id.</exception>
    /// <exception cref="EventRuleException">The registration is on the waiting list.</exception>
    /// <exception cref="EventConflictException">This registration has already answered.</exception>
    public void GiveFeedback(Guid registrationId, Feedback feedback, DateTimeOffset now)
    {
        var registration = Active(registrationId);
        if (registration.Status != PlaceStatus.Confirmed)
        {
            throw new EventRuleException("Feedback comes from participants with a confirmed place.");
        }

        if (registration.FeedbackGiven)
        {
            throw new EventConflictException("Feedback for this registration has already been given.");
        }

        NextVersion();
        registration.MarkFeedbackGiven();
        // Stored anew in shuffled order: the position of an answer says nothing about when it was given.
        Feedback[] answers = [.. _feedback.Select(answer => new Feedback(answer.Rating, answer.Good, answer.Improve)), feedback];
        Random.Shared.Shuffle(answers);
        _feedback.Clear();
        _feedback.AddRange(answers);
        _raised.Add(new FeedbackGiven
        {
            EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version, NetworkEventId = Id, Rating = feedback.Rating,
        });
    }

    public Minutes RecordMinutes(IEnumerable<AgendaItem> items, DateTimeOffset now)
    {
        NextVersion();
        var minutes = new Minutes(Guid.CreateVersion7(now), items, now);
        _minutes.Add(minutes);
        return minutes;
    }

    /// <summary>Marks an action of this event's minutes as done; doing it again changes nothing.</summary>
    /// <exception cref="EventPartNotFoundException">No such action in the event's minutes.</exception>
    public ActionItem CompleteAction(Guid actionId, DateTimeOffset now)
    {
        var action = _minutes.SelectMany(m => m.Items).SelectMany(item => item.Actions).FirstOrDefault(a => a.Id == actionId)
            ?? throw new EventPartNotFoundException("Action not found.");
        if (action.IsOpen)
        {
            NextVersion();
            action.MarkDone(now);
        }

        return action;
    }

    /// <summary>
    /// Removes names, e-mail addresses, organisations and needs from the loaded registrations (load all of them,
    /// cancelled ones too); what is counted stays.
    /// </summary>
    /// <returns>How many registrations lost their personal data.</returns>
    public int RemovePersonalData(DateTimeOffset now)
    {
        var removed = 0;
        foreach (var registration in _registrations.Where(r => r.PersonalDataRemovedAt is null))
        {
            registration.RemovePersonalData(now);
            removed++;
        }

        if (removed > 0)
        {
            NextVersion();
        }

        return removed;
    }

    public int PlacesLeft => Math.Max(0, Capacity - CountAt(PlaceStatus.Confirmed));

    public int WaitlistCount => CountAt(PlaceStatus.Waitlisted);

    public int SessionPlacesLeft(EventSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return Math.Max(0, session.Capacity - _registrations.Count(r => PlaceIn(r, session.Id)?.Status == PlaceStatus.Confirmed));
    }

    /// <summary>1 for the next to get a place at the event; null when the registration is not waiting.</summary>
    public int? WaitlistPosition(Registration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return registration.Status == PlaceStatus.Waitlisted
            ? _registrations.Count(other => other.Status == PlaceStatus.Waitlisted && other.Sequence <= registration.Sequence)
            : null;
    }

    /// <summary>1 for the next to get a place in the session; null unless the registration holds an event place and waits for the session.</summary>
    public int? SessionWaitlistPosition(Registration registration, Guid sessionId)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return registration.Status == PlaceStatus.Confirmed && PlaceIn(registration, sessionId)?.Status == PlaceStatus.Waitlisted
            ? SessionQueue(sessionId).TakeWhile(waiting => waiting != registration).Count() + 1
            : null;
    }

    private int CountAt(PlaceStatus status) => _registrations.Count(registration => registration.Status == status);

    private Registration Active(Guid registrationId) =>
        _registrations.FirstOrDefault(registration => registration.Id == registrationId && registration.IsActive)
        ?? throw new EventPartNotFoundException("Registration not found.");

    private void PromoteAtEvent(DateTimeOffset now)
    {
        var waiting = _registrations.Where(registration => registration.Status == PlaceStatus.Waitlisted).OrderBy(registration => registration.Sequence);
        foreach (var next in waiting.Take(Math.Max(0, Capacity - CountAt(PlaceStatus.Confirmed))).ToList())
        {
            next.Place(PlaceStatus.Confirmed);
            RaisePromoted(next, sessionId: null, now);
        }
    }

    // Session places go to registrations holding an event place, in arrival order. A registration that has just
    // arrived is not "promoted" (its RegistrationConfirmed says it all); everyone else who gets a place is.
    private void FillSessions(Registration? arriving, DateTimeOffset now)
    {
        foreach (var session in _sessions)
        {
            var taken = _registrations.Count(registration => PlaceIn(registration, session.Id)?.Status == PlaceStatus.Confirmed);
            foreach (var next in SessionQueue(session.Id).Take(Math.Max(0, session.Capacity - taken)).ToList())
            {
                PlaceIn(next, session.Id)!.Move(PlaceStatus.Confirmed);
                if (next != arriving)
                {
                    RaisePromoted(next, session.Id, now);
                }
            }
        }
    }

    private IEnumerable<Registration> SessionQueue(Guid sessionId) => _registrations
        .Where(registration => registration.Status == PlaceStatus.Confirmed && PlaceIn(registration, sessionId)?.Status == PlaceStatus.Waitlisted)
        .OrderBy(registration => registration.Sequence);

    private static SessionPlace? PlaceIn(Registration registration, Guid sessionId) =>
        registration.Sessions.FirstOrDefault(place => place.SessionId == sessionId);

    private void RaisePromoted(Registration registration, Guid? sessionId, DateTimeOffset now) =>
        _raised.Add(new RegistrationPromoted
        {
            EventId = Guid.CreateVersion7(now), TenantId = TenantId, OccurredAt = now, Version = Version,
            NetworkEventId = Id, RegistrationId = registration.Id, SessionId = sessionId,
            ParticipantGroup = ContractValue.Of(registration.ParticipantGroup),
        });

    private void NextVersion() => Version++;
}

/// <summary>What a coordinator plans: everything an event is scheduled with.</summary>
public sealed record EventPlan(
    string Title, EventFormat Format, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string Venue, int Capacity,
    DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt, IReadOnlyList<SessionPlan> Sessions,
    IReadOnlyList<string> Languages, bool IsPublic);

/// <summary>A session as planned.</summary>
public sealed record SessionPlan(string Title, int Capacity);
