using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class EventScheduledConsumer(ReportingDbContext db, CurrentTenant tenant, NetworkEventProjection projection)
    : InboxConsumer<EventScheduled, ReportingDbContext>(db, tenant)
{
    protected override Task ApplyAsync(EventScheduled message, CancellationToken cancellationToken) =>
        projection.HandleAsync(message, message.NetworkEventId, cancellationToken);
}
