using KimPlatform.Contracts;
using KimPlatform.Messaging.Outbox;
using KimPlatform.Cases.Api.Application;
using KimPlatform.Cases.Api.Application.Consents;
using KimPlatform.Cases.Api.Application.DataMap;
using KimPlatform.Cases.Api.Application.Queries;
using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Cases.Api.IntegrationEvents;
using KimPlatform.Cases.Api.Retention;

namespace KimPlatform.Cases.Api.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKimAuthentication();
        builder.AddServiceDatabase<CasesDbContext>("casesdb", CasesDbContext.AuditTable);
        builder.AddKimMessaging(bus =>
        {
            bus.AddConsumer<ReferralAcceptedConsumer>();
            bus.AddConsumer<ReferralDeclinedConsumer>();
            bus.AddConsumer<ReferralCompletedConsumer>();
            bus.AddConsumer<OrganisationRegisteredConsumer>();
            bus.AddConsumer<ReportingRebuildRequestedConsumer>();
            bus.AddRequestClient<HeldDataAtPartnersRequested>();
            bus.AddRequestClient<HeldDataAtEventsRequested>();
        });
        // A referral carries what the person consented to share; once the broker has it, the outbox keeps none of it.
        builder.Services.Configure<OutboxOptions>(outbox => outbox.PersonalFields[nameof(ReferralRequested)] =
            ["person", "residenceStatus", "languages", "household", "needs", "goals", "note"]);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<TenantUnitOfWork>();
        builder.Services.AddScoped<CaseAccess>();
        builder.Services.AddSingleton<RegisteredTenants>();
        builder.Services.AddScoped<CaseQueries>();
        builder.Services.AddScoped<PersonDataMap>();
        builder.Services.AddScoped<ConsentTexts>();
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName);
        builder.Services.AddSingleton<CaseRetentionJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<CaseRetentionJob>());
        builder.AddDuplicateCheckLimit();
        builder.Services.AddOpenApi();
    }
}
