using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class OfferPublishedConsumer(ReportingDbContext db, CurrentTenant tenant, ReferralProjection projection)
    : InboxConsumer<OfferPublished, ReportingDbContext>(db, tenant)
{
    protected override Task ApplyAsync(OfferPublished message, CancellationToken cancellationToken) =>
        projection.PublishOfferAsync(message, cancellationToken);
}
