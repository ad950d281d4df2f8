using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class ReferralCompletedConsumer(ReportingDbContext db, CurrentTenant tenant, ReferralProjection projection)
    : InboxConsumer<ReferralCompleted, ReportingDbContext>(db, tenant)
{
    protected override Task ApplyAsync(ReferralCompleted message, CancellationToken cancellationToken) =>
        projection.HandleAsync(message, message.ReferralId, cancellationToken);
}
