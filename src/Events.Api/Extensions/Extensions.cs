using KimPlatform.Events.Api.Infrastructure;

namespace KimPlatform.Events.Api.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKimAuthentication();
        builder.AddServiceDatabase<EventsDbContext>("eventsdb");
        builder.AddKimMessaging();
        builder.Services.AddOpenApi();
    }
}
