using KimPlatform.Events.Api.Application;
using KimPlatform.Events.Api.Infrastructure;
using KimPlatform.Events.Api.IntegrationEvents;
using KimPlatform.Events.Api.Retention;

namespace KimPlatform.Events.Api.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKimAuthentication();
        builder.AddServiceDatabase<EventsDbContext>("eventsdb");
        builder.AddKimMessaging(bus =>
        {
            bus.AddConsumer<ReportingRebuildRequestedConsumer>();
            bus.AddConsumer<HeldDataAtEventsRequestedConsumer>();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<TenantUnitOfWork>();
        builder.Services.AddScoped<EventAccess>();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName);
        builder.Services.AddSingleton<RegistrationRetentionJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RegistrationRetentionJob>());
        builder.AddPublicRateLimits();
        builder.Services.AddOpenApi();
    }
}
