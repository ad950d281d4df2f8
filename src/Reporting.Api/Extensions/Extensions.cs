using KimPlatform.Reporting.Api.Infrastructure;
using KimPlatform.Reporting.Api.IntegrationEvents;

namespace KimPlatform.Reporting.Api.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKimAuthentication();
        builder.AddServiceDatabase<ReportingDbContext>("reportingdb");
        builder.AddKimMessaging(bus =>
        {
            bus.AddConsumer<CaseOpenedConsumer>();
            bus.AddConsumer<CasePhaseChangedConsumer>();
        });
        builder.Services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.SectionName);
        builder.Services.AddOpenApi();
    }
}
