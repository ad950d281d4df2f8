using KimPlatform.Cases.Api.Infrastructure;

namespace KimPlatform.Cases.Api.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKimAuthentication();
        builder.AddServiceDatabase<CasesDbContext>("casesdb");
        builder.AddKimMessaging();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOpenApi();
    }
}
