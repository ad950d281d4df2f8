using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Messaging.Inbox;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.IntegrationEvents;

public sealed class CaseClosedConsumer(ReportingDbContext db, CurrentTenant tenant, CaseProjection projection)
    : InboxConsumer<CaseClosed, ReportingDbContext>(db, tenant)
{
    protected override Task ApplyAsync(CaseClosed message, CancellationToken cancellationToken) =>
        projection.HandleAsync(message, message.CaseId, cancellationToken);
}
