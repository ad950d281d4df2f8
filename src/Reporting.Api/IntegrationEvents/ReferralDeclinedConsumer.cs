using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class ReferralDeclinedConsumer(ReportingDbContext db, CurrentTenant tenant, ReferralProjection projection)
    : InboxConsumer<ReferralDeclined, ReportingDbContext>(db, tenant)
{
    protected override Task ApplyAsync(ReferralDeclined message, CancellationToken cancellationToken) =>
        projection.HandleAsync(message, message.ReferralId, cancellationToken);
}
