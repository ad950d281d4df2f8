using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class ReferralRequestedConsumer(ReportingDbContext db, CurrentTenant tenant, ReferralProjection projection)
    : InboxConsumer<ReferralRequested, ReportingDbContext>(db, tenant)
{
    protected override Task ApplyAsync(ReferralRequested message, CancellationToken cancellationToken) =>
        projection.HandleAsync(message, message.ReferralId, cancellationToken);
}
