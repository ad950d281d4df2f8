using KimPlatform.Contracts;
using KimPlatform.Data;
using KimPlatform.Partners.Api.Infrastructure;
using KimPlatform.Messaging.Replay;
using MassTransit;

namespace KimPlatform.Partners.Api.IntegrationEvents;

/// <summary>Reporting rebuilds a tenant's read models: the tenant's kept events go through the outbox again.</summary>
/// <remarks>The interface is named here because kim derives the service's broker permissions from this folder.</remarks>
public sealed class ReportingRebuildRequestedConsumer(PartnersDbContext db, CurrentTenant tenant, ILogger<ReportingRebuildRequestedConsumer> logger)
    : HistoryReplayConsumer<PartnersDbContext>(db, tenant, logger), IConsumer<ReportingRebuildRequested>;
