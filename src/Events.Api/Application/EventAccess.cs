using System.Security.Cryptography;
using KimPlatform.Data;
using KimPlatform.Events.Api.Domain;
using KimPlatform.Events.Api.Infrastructure;
using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace KimPlatform.Events.Api.Application;

/// <summary>
/// The one way endpoints touch events. Coordinators (and tenant admins) see every event of their tenant; everyone
/// else, anonymous or not, sees only public events, anonymous callers those of the tenant they name. Every change of
/// an event or its registrations takes the event's row lock first, so concurrent registrations and cancellations are
/// applied one after another and a place is never given twice; the change and its events commit together.
/// </summary>
public sealed class EventAccess(TenantUnitOfWork work, CallerContext caller, TimeProvider clock)
{
    /// <summary>Now, to the microsecond PostgreSQL keeps, so an answer shows the time as it is stored.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = clock.GetUtcNow();
            return now.AddTicks(-(now.Ticks % 10));
        }
    }

    public bool IsCoordinator => caller.IsInRole(KimRoles.Coordinator) || caller.IsInRole(KimRoles.TenantAdmin);

    /// <summary>Whether the caller must name the tenant (anonymous callers).</summary>
    public bool NeedsTenant => !caller.IsAuthenticated;

    public Task<Event> ScheduleAsync(EventPlan plan, CancellationToken cancellationToken)
    {
        var scheduled = Event.Schedule(caller.RequiredTenantId, caller.RequiredOrganisationId, plan, Now);
        return work.RunAsync(async db =>
        {
            db.Events.Add(scheduled);
            db.AddIntegrationEvents(scheduled.Raised);
            await db.SaveChangesAsync(cancellationToken);
            // The retention job finds the tenants here.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO known_tenants (tenant_id) VALUES ({scheduled.TenantId}) ON CONFLICT DO NOTHING", cancellationToken);
            return scheduled;
        }, cancellationToken);
    }

    /// <summary>A visible event with its active registrations, not tracked; null when the caller may not see it.</summary>
    public Task<Event?> ReadAsync(Guid id, string? tenant, CancellationToken cancellationToken) =>
        Scoped(tenant).RunAsync(db => Visible(db).AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken), cancellationToken);

    public Task<(IReadOnlyList<Event> Items, int Total)> ListAsync(string? tenant, int page, int pageSize, CancellationToken cancellationToken) =>
        Scoped(tenant).RunAsync<(IReadOnlyList<Event>, int)>(async db =>
        {
            var visible = Visible(db).AsNoTracking();
            var total = await visible.CountAsync(cancellationToken);
            var items = await visible.OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
                .Skip((page - 1) * pageSize).Take(pageSize).AsSplitQuery().ToListAsync(cancellationToken);
            return (items, total);
        }, cancellationToken);

    /// <summary>The tenant's public events that ended at most <paramref name="pastDays"/> days ago or are still to come.</summary>
    public Task<List<Event>> PublicCalendarAsync(string? tenant, int pastDays, CancellationToken cancellationToken)
    {
        var since = Now.AddDays(-pastDays);
        return Scoped(tenant).RunAsync(db => db.Events.AsNoTracking()
            .Where(e => e.IsPublic && e.EndsAt >= since).OrderBy(e => e.StartsAt).Take(500).ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>Registers an applicant; the cancel token is handed out once, only its hash is stored.</summary>
    public Task<EventChange<(Event Event, Registration Registration, string CancelToken)>> RegisterAsync(
        Guid id, string? tenant, Applicant applicant, CancellationToken cancellationToken)
    {
        var cancelToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return ChangeAsync(id, tenant, found => (found, found.Register(applicant, cancelToken, Now), cancelToken), cancellationToken);
    }

    /// <summary>
    /// Cancels with the registrant's token, or as a coordinator without one. A wrong token is answered like a
    /// registration that does not exist.
    /// </summary>
    public Task<EventChange<Registration>> CancelAsync(
        Guid id, Guid registrationId, string? tenant, string? cancelToken, CancellationToken cancellationToken) =>
        ChangeAsync(id, tenant, found =>
        {
            var registration = found.Registrations.FirstOrDefault(r => r.Id == registrationId);
            if (registration is null || (cancelToken is null ? !IsCoordinator : !registration.HasCancelToken(cancelToken)))
            {
                throw new EventPartNotFoundException("Registration not found.");
            }

            return found.Cancel(registrationId, Now);
        }, cancellationToken, anyEventWithToken: cancelToken is not null);

    public Task<EventChange<Registration>> CheckInAsync(Guid id, Guid registrationId, CancellationToken cancellationToken) =>
        ChangeAsync(id, tenant: null, found =>
        {
            found.CheckIn(registrationId, Now);
            return found.Registrations.First(r => r.Id == registrationId);
        }, cancellationToken);

    public Task<EventChange<EventResult>> RecordResultAsync(
        Guid id, Guid? sessionId, int? round, IReadOnlyList<string> topics, string text, CancellationToken cancellationToken) =>
        ChangeAsync(id, tenant: null, found => found.RecordResult(sessionId, round, topics, text, Now), cancellationToken);

    /// <summary>Anonymous feedback, allowed once per registration with its token; a wrong token is answered like no registration.</summary>
    public Task<EventChange<bool>> GiveFeedbackAsync(
        Guid id, string? tenant, Guid registrationId, string token, Feedback feedback, CancellationToken cancellationToken) =>
        ChangeAsync(id, tenant, found =>
        {
            if (found.Registrations.FirstOrDefault(r => r.Id == registrationId) is not { } registration || !registration.HasCancelToken(token))
            {
                throw new EventPartNotFoundException("Registration not found.");
            }

            found.GiveFeedback(registrationId, feedback, Now);
            return true;
        }, cancellationToken, anyEventWithToken: true);

    public Task<EventChange<Minutes>> RecordMinutesAsync(Guid id, IReadOnlyList<AgendaItem> items, CancellationToken cancellationToken) =>
        ChangeAsync(id, tenant: null, found => found.RecordMinutes(items, Now), cancellationToken);

    public Task<EventChange<ActionItem>> CompleteActionAsync(Guid id, Guid actionId, CancellationToken cancellationToken) =>
        ChangeAsync(id, tenant: null, found => found.CompleteAction(actionId, Now), cancellationToken);

    /// <summary>The actions agreed in the minutes of all the tenant's meetings, with the meeting they come from.</summary>
    public Task<List<(Event Meeting, AgendaItem Item, ActionItem Action)>> ActionsAsync(CancellationToken cancellationToken) =>
        work.RunAsync(async db =>
        {
            var meetings = await db.Events.AsNoTracking().OrderBy(e => e.StartsAt).ToListAsync(cancellationToken);
            return meetings.SelectMany(meeting => meeting.Minutes.SelectMany(minutes => minutes.Items)
                .SelectMany(item => item.Actions.Select(action => (meeting, item, action)))).ToList();
        }, cancellationToken);

    private async Task<EventChange<T>> ChangeAsync<T>(
        Guid id, string? tenant, Func<Event, T> change, CancellationToken cancellationToken, bool anyEventWithToken = false)
    {
        try
        {
            return await Scoped(tenant).RunAsync(async db =>
            {
                // Serialises every change of this event: the capacity rule is checked and applied under this lock.
                await db.Database.ExecuteSqlAsync($"SELECT id FROM events WHERE id = {id} FOR UPDATE", cancellationToken);
                var events = anyEventWithToken ? WithActiveRegistrations(db) : Visible(db);
                var found = await events.AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
                if (found is null)
                {
                    return EventChange<T>.NotFound();
                }

                T value;
                try
                {
                    value = change(found);
                }
                catch (EventRuleException rule)
                {
                    return EventChange<T>.Failed(StatusCodes.Status422UnprocessableEntity, "Not possible", rule.Message);
                }
                catch (EventConflictException conflict)
                {
                    return EventChange<T>.Failed(StatusCodes.Status409Conflict, "Conflict", conflict.Message);
                }
                catch (EventPartNotFoundException missing)
                {
                    return EventChange<T>.NotFound(missing.Message);
                }

                db.AddIntegrationEvents(found.Raised);
                await db.SaveChangesAsync(cancellationToken);
                return EventChange<T>.Succeeded(value);
            }, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException
        {
            SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_registrations_event_id_email_key",
        })
        {
            return EventChange<T>.Failed(StatusCodes.Status409Conflict, "Already registered",
                "This e-mail address is already registered for the event.");
        }
    }

    private KimPlatform.Data.TenantUnitOfWork<EventsDbContext> Scoped(string? tenant) => caller.IsAuthenticated || tenant is null ? work : work.For(tenant);

    private IQueryable<Event> Visible(EventsDbContext db)
    {
        var all = IsCoordinator;
        return WithActiveRegistrations(db).Where(e => all || e.IsPublic);
    }

    private static IQueryable<Event> WithActiveRegistrations(EventsDbContext db) =>
        db.Events.Include(e => e.Registrations.Where(r => r.Status != PlaceStatus.Cancelled));
}
