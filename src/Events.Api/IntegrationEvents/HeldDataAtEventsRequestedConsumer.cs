using KimPlatform.Contracts;
using KimPlatform.Events.Api.Domain;
using KimPlatform.Events.Api.Infrastructure;
using KimPlatform.Events.Api.Retention;
using KimPlatform.Privacy;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KimPlatform.Events.Api.IntegrationEvents;

/// <summary>
/// Answers the case service's Art. 15 question for a person who consented to linking: which registrations the event
/// service holds under their e-mail address, each described from the declarations. Reads only; changes nothing.
/// </summary>
public sealed class HeldDataAtEventsRequestedConsumer(TenantUnitOfWork work, IOptionsMonitor<RetentionOptions> retention)
    : IConsumer<HeldDataAtEventsRequested>
{
    public async Task Consume(ConsumeContext<HeldDataAtEventsRequested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = Registration.KeyOf(context.Message.Email);
        var held = await work.For(context.Message.TenantId).RunAsync(
            db => db.Registrations.AsNoTracking()
                .Where(registration => registration.EmailKey == key)
                .Join(db.Events, registration => registration.EventId, held => held.Id, (registration, held) => new { registration, held.OrganisationId, held.EndsAt })
                .OrderBy(found => found.registration.RegisteredAt)
                .ToListAsync(context.CancellationToken),
            context.CancellationToken);
        var days = retention.CurrentValue.DaysAfterEvent;
        await context.RespondAsync(new HeldDataReport
        {
            Service = "events",
            Items = [.. held.Select(found => HeldDataItems.From<Registration>(
                nameof(Registration.Email), "event-registration", found.registration.Id, found.OrganisationId,
                ContractValue.Of(found.registration.Status), FieldsOf(found.registration),
                DateOnly.FromDateTime(found.EndsAt.AddDays(days).UtcDateTime)))],
        });
    }

    private static List<string> FieldsOf(Registration registration)
    {
        List<string> fields = ["name", "email"];
        if (registration.Organisation is not null)
        {
            fields.Add("organisation");
        }

        if (registration.Needs is { } needs && needs != Needs.None)
        {
            fields.Add("needs");
        }

        return fields;
    }
}
