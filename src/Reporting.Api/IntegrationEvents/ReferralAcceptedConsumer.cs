using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class ReferralAcceptedConsumer(ReportingDbContext db, CurrentTenant tenant, ReferralProjection projection)
    : InboxConsumer<ReferralAccepted, ReportingDbContext>(db, tenant)
{
    protected override Task ApplyAsync(ReferralAccepted message, CancellationToken cancellationToken) =>
        projection.HandleAsync(message, message.ReferralId, cancellationToken);
}
