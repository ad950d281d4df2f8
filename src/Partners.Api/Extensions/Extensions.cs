using KimPlatform.Partners.Api.Infrastructure;

namespace KimPlatform.Partners.Api.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKimAuthentication();
        builder.AddServiceDatabase<PartnersDbContext>("partnersdb");
        builder.AddKimMessaging();
        builder.Services.AddOpenApi();
    }
}
