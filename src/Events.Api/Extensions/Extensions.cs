using KimPlatform.Events.Api.Application;
using KimPlatform.Events.Api.Infrastructure;

namespace KimPlatform.Events.Api.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKimAuthentication();
        builder.AddServiceDatabase<EventsDbContext>("eventsdb");
        builder.AddKimMessaging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<TenantUnitOfWork>();
        builder.Services.AddScoped<EventAccess>();
        builder.AddPublicRateLimits();
        builder.Services.AddOpenApi();
    }
}
