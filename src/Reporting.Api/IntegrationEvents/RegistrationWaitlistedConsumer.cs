using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class RegistrationWaitlistedConsumer(ReportingDbContext db, CurrentTenant tenant, NetworkEventProjection projection)
    : InboxConsumer<RegistrationWaitlisted, ReportingDbContext>(db, tenant)
{
    protected override Task ApplyAsync(RegistrationWaitlisted message, CancellationToken cancellationToken) =>
        projection.HandleAsync(message, message.NetworkEventId, cancellationToken);
}
