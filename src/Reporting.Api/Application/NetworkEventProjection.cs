using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// Counts Veranstaltungen, registrations, waiting lists, attendance and ratings per format in the month the event takes
/// place; a registration event that overtakes its <c>EventScheduled</c> waits for it. The counts only add up, so their
/// order among each other does not matter.
/// </summary>
public sealed class NetworkEventProjection(ReportingDbContext db, CounterChanges counters, PendingEvents pending, Pseudonyms pseudonyms)
{
    /// <summary>Events are not tied to a municipality.</summary>
    public const string NoMunicipality = "";

    private NetworkEventState? _event;

    public async Task HandleAsync(AggregateEvent message, Guid networkEventId, CancellationToken cancellationToken)
    {
        await pending.LockAsync(networkEventId, cancellationToken);
        _event = await db.NetworkEvents.FirstOrDefaultAsync(state => state.Id == networkEventId, cancellationToken);
        var pseudonymised = message switch
        {
            // Registration ids are dropped: nothing here is about a person.
            RegistrationConfirmed confirmed => confirmed with { RegistrationId = Guid.Empty },
            RegistrationWaitlisted waitlisted => waitlisted with { RegistrationId = Guid.Empty },
            RegistrationPromoted promoted => promoted with { RegistrationId = Guid.Empty },
            RegistrationCancelled cancelled => cancelled with { RegistrationId = Guid.Empty },
            AttendanceRecorded attended => attended with { RegistrationId = Guid.Empty },
            _ => message,
        } with { EventId = pseudonyms.Of("event", message.TenantId, message.EventId), OccurredAt = Months.StartOf(message.OccurredAt) };
        await pending.RunAsync(networkEventId, pseudonymised, next => Task.FromResult(Apply(next)), cancellationToken);
        await counters.FlushAsync(message.TenantId, cancellationToken);
    }

    private Readiness Apply(AggregateEvent message)
    {
        if (message is EventScheduled scheduled)
        {
            if (_event is not null)
            {
                return Readiness.Drop;
            }

            _event = new NetworkEventState
            {
                Id = scheduled.NetworkEventId, TenantId = scheduled.TenantId, Format = scheduled.Format, Month = Months.Of(scheduled.StartsAt),
            };
            db.NetworkEvents.Add(_event);
            Count(Figures.Events, _event.Format, 1);
            return Readiness.Applied;
        }

        if (_event is null)
        {
            return Readiness.Wait;
        }

        switch (message)
        {
            case RegistrationConfirmed:
                Count(Figures.Registrations, _event.Format, 1);
                break;
            case RegistrationWaitlisted:
                Count(Figures.Waitlisted, _event.Format, 1);
                break;
            case RegistrationPromoted { SessionId: null }:
                Count(Figures.Registrations, _event.Format, 1);
                break;
            case RegistrationCancelled { PreviousStatus: "confirmed" }:
                Count(Figures.Registrations, _event.Format, -1);
                break;
            case AttendanceRecorded:
                Count(Figures.Attended, _event.Format, 1);
                break;
            case FeedbackGiven feedback:
                Count(Figures.Ratings, feedback.Rating.ToString(System.Globalization.CultureInfo.InvariantCulture), 1);
                break;
        }

        return Readiness.Applied;
    }

    private void Count(string figure, string category, int delta) => counters.Add(figure, _event!.Month, NoMunicipality, category, delta);
}
