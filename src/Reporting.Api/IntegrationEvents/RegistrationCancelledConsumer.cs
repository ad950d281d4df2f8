using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class RegistrationCancelledConsumer(ReportingDbContext db, CurrentTenant tenant, NetworkEventProjection projection)
    : InboxConsumer<RegistrationCancelled, ReportingDbContext>(db, tenant)
{
    protected override Task ApplyAsync(RegistrationCancelled message, CancellationToken cancellationToken) =>
        projection.HandleAsync(message, message.NetworkEventId, cancellationToken);
}
