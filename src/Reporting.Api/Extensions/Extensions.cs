using KimPlatform.Messaging.Senders;
using KimPlatform.Reporting.Api.Application;
using KimPlatform.Reporting.Api.Application.Rebuild;
using KimPlatform.Reporting.Api.Infrastructure;
using KimPlatform.Reporting.Api.IntegrationEvents;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KimPlatform.Reporting.Api.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKimAuthentication();
        builder.AddServiceDatabase<ReportingDbContext>("reportingdb");
        // The Messaging block retries a database outage for minutes instead of moving the message to _error.
        builder.AddKimMessaging(bus => bus.AddConsumersFromNamespaceContaining<CaseOpenedConsumer>());
        // Reporting alone takes the events the other services re-publish for a rebuild.
        builder.Services.PostConfigure<MessagingOptions>(messaging => messaging.TakesReplays = true);
        builder.Services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.SectionName);
        builder.Services.AddSingleton<Pseudonyms>();
        builder.Services.AddScoped<CounterChanges>();
        builder.Services.AddScoped<PendingEvents>();
        builder.Services.AddScoped<CaseProjection>();
        builder.Services.AddScoped<TenantUnitOfWork>();
        builder.Services.AddScoped<FigureReader>();
        builder.Services.AddScoped<CounterVersions>();
        builder.Services.AddSingleton<FigureCache>();
        builder.Services.AddScoped<CaseFigures>();
        builder.Services.AddScoped<ReferralProjection>();
        builder.Services.AddScoped<NetworkEventProjection>();
        builder.Services.AddScoped<FindingProjection>();
        builder.Services.AddScoped<ReferralFigures>();
        builder.Services.AddScoped<NetworkEventFigures>();
        builder.Services.AddScoped<FindingFigures>();
        builder.Services.AddScoped<FundingYear>();
        builder.Services.AddScoped<ReportRebuild>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddOpenApi();
    }
}
