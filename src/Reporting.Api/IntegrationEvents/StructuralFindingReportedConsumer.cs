using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class StructuralFindingReportedConsumer(ReportingDbContext db, CurrentTenant tenant, FindingProjection projection)
    : InboxConsumer<StructuralFindingReported, ReportingDbContext>(db, tenant)
{
    protected override Task ApplyAsync(StructuralFindingReported message, CancellationToken cancellationToken) =>
        projection.HandleAsync(message, cancellationToken);
}
