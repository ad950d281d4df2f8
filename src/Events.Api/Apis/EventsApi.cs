using System.ComponentModel;
using KimPlatform.Events.Api.Application;
using KimPlatform.Events.Api.Application.Rendering;
using KimPlatform.Events.Api.Application.Validation;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KimPlatform.Events.Api.Apis;

public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events").WithTags("Events");

        api.MapPost("/", ScheduleEvent).WithName("ScheduleEvent").WithSummary("Schedule an event")
            .WithDescription("World Café, Fachtag, workshop, kick-off or meeting with its sessions; publishes EventScheduled.")
            .RequireAuthorization(KimPolicies.Coordinator)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/", ListEvents).WithName("ListEvents").WithSummary("List events, the public ones for anonymous callers")
            .WithDescription("Anonymous callers name the tenant and see its public events; coordinators see all events of their tenant.")
            .AllowAnonymous();
        api.MapGet("/{id:guid}", GetEvent).WithName("GetEvent").WithSummary("One event with places left and the consent text to show")
            .AllowAnonymous();
        api.MapGet("/{id:guid}/calendar.ics", GetEventCalendar).WithName("GetEventCalendar")
            .WithSummary("The event as an RFC 5545 iCalendar file (Europe/Berlin times with VTIMEZONE)")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").AllowAnonymous();
        api.MapGet("/calendar.ics", GetTenantCalendar).WithName("GetTenantCalendar")
            .WithSummary("All public events of a tenant as an iCalendar feed: upcoming ones and those of the last 90 days")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar").AllowAnonymous();
        return app;
    }

    public static async Task<Results<Created<EventResponse>, ValidationProblem>> ScheduleEvent(
        ScheduleEventRequest request, EventAccess access, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var plan = EventRequestValidators.Schedule(request, errors);
        if (plan is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var scheduled = await access.ScheduleAsync(plan, cancellationToken);
        return TypedResults.Created($"/api/events/{scheduled.Id}", scheduled.ToResponse(access.Now));
    }

    public static async Task<Results<Ok<EventPage>, ValidationProblem>> ListEvents(
        EventAccess access,
        CancellationToken cancellationToken,
        [Description("Tenant key; required for anonymous callers, ignored for authenticated ones")] string? tenant = null,
        int page = 1,
        int pageSize = 50)
    {
        var errors = new FieldErrors();
        EventRequestValidators.Paging(page, pageSize, errors);
        var scope = access.NeedsTenant ? EventRequestValidators.Tenant(tenant, errors) : null;
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var (items, total) = await access.ListAsync(scope, page, pageSize, cancellationToken);
        return TypedResults.Ok(new EventPage(items.Select(e => e.ToResponse(access.Now)).ToArray(), page, pageSize, total));
    }

    public static async Task<Results<Ok<EventResponse>, ValidationProblem, ProblemHttpResult>> GetEvent(
        Guid id, EventAccess access, CancellationToken cancellationToken,
        [Description("Tenant key; required for anonymous callers")] string? tenant = null)
    {
        var errors = new FieldErrors();
        var scope = access.NeedsTenant ? EventRequestValidators.Tenant(tenant, errors) : null;
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var found = await access.ReadAsync(id, scope, cancellationToken);
        return found is null
            ? EventChange<EventResponse>.NotFound().Problem!
            : TypedResults.Ok(found.ToResponse(access.Now));
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetEventCalendar(
        Guid id, EventAccess access, CancellationToken cancellationToken,
        [Description("Tenant key; required for anonymous callers")] string? tenant = null)
    {
        var errors = new FieldErrors();
        var scope = access.NeedsTenant ? EventRequestValidators.Tenant(tenant, errors) : null;
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var found = await access.ReadAsync(id, scope, cancellationToken);
        return found is null
            ? EventChange<string>.NotFound().Problem!
            : TypedResults.Text(EventCalendar.Render([found], found.Title, access.Now), EventCalendar.ContentType);
    }

    public static async Task<Results<ContentHttpResult, ValidationProblem>> GetTenantCalendar(
        EventAccess access, CancellationToken cancellationToken,
        [Description("Tenant key; required for anonymous callers, ignored for authenticated ones")] string? tenant = null)
    {
        var errors = new FieldErrors();
        var scope = access.NeedsTenant ? EventRequestValidators.Tenant(tenant, errors) : null;
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var events = await access.PublicCalendarAsync(scope, pastDays: 90, cancellationToken);
        return TypedResults.Text(EventCalendar.Render(events, "KIM Veranstaltungen", access.Now), EventCalendar.ContentType);
    }
}
