using System.Text.Json;
using KimPlatform.Contracts;
using KimPlatform.Messaging;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>
/// Applies an aggregate's events in order although they arrive on several queues: one message at a time per
/// aggregate (a transaction-scoped advisory lock on its key), an early event parked in <c>pending_events</c>, and the
/// parked ones retried after every event that was applied.
/// </summary>
public sealed class PendingEvents(ReportingDbContext db)
{
    public async Task LockAsync(Guid key, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({BitConverter.ToInt64(key.ToByteArray(), 0)})", cancellationToken);

    /// <summary>Tries <paramref name="apply"/> on the event; parks it if it must wait, and drains the parked ones after it applied.</summary>
    public async Task RunAsync(
        Guid key, AggregateEvent pseudonymised, Func<AggregateEvent, Task<Readiness>> apply, CancellationToken cancellationToken)
    {
        var readiness = await apply(pseudonymised);
        if (readiness == Readiness.Wait)
        {
            // A replayed copy of an event that already waits (or the original of a waiting copy) is the same event.
            if (await db.PendingEvents.AnyAsync(parked => parked.Id == pseudonymised.EventId, cancellationToken))
            {
                return;
            }

            db.PendingEvents.Add(new PendingEvent
            {
                Id = pseudonymised.EventId,
                TenantId = pseudonymised.TenantId,
                Key = key,
                Version = pseudonymised.Version,
                MessageType = pseudonymised.GetType().Name,
                Payload = JsonSerializer.Serialize(pseudonymised, pseudonymised.GetType(), IntegrationEventTypes.SerializerOptions),
            });
            return;
        }

        if (readiness == Readiness.Applied)
        {
            await DrainAsync(key, apply, cancellationToken);
        }
    }

    private async Task DrainAsync(Guid key, Func<AggregateEvent, Task<Readiness>> apply, CancellationToken cancellationToken)
    {
        var parked = await db.PendingEvents.Where(pending => pending.Key == key).OrderBy(pending => pending.Version).ToListAsync(cancellationToken);
        bool progress;
        do
        {
            progress = false;
            foreach (var pending in parked.ToArray())
            {
                var parkedEvent = (AggregateEvent)JsonSerializer.Deserialize(
                    pending.Payload, IntegrationEventTypes.Resolve(pending.MessageType), IntegrationEventTypes.SerializerOptions)!;
                if (await apply(parkedEvent) == Readiness.Wait)
                {
                    continue;
                }

                parked.Remove(pending);
                db.PendingEvents.Remove(pending);
                progress = true;
            }
        }
        while (progress && parked.Count > 0);
    }
}
