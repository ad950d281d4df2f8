using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class RegistrationConfirmedConsumer(ReportingDbContext db, CurrentTenant tenant, NetworkEventProjection projection)
    : InboxConsumer<RegistrationConfirmed, ReportingDbContext>(db, tenant)
{
    protected override Task ApplyAsync(RegistrationConfirmed message, CancellationToken cancellationToken) =>
        projection.HandleAsync(message, message.NetworkEventId, cancellationToken);
}
