using KimPlatform.Partners.Api.Application;
using KimPlatform.Partners.Api.Application.Queries;
using KimPlatform.Partners.Api.Infrastructure;
using KimPlatform.Partners.Api.IntegrationEvents;
using KimPlatform.Partners.Api.Retention;
using KimPlatform.Security.Authorization;

namespace KimPlatform.Partners.Api.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddKimAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PartnerPolicies.OfferEditor, KimPolicies.InRole(KimRoles.Coordinator, KimRoles.TenantAdmin, KimRoles.PartnerStaff));
        builder.AddServiceDatabase<PartnersDbContext>("partnersdb");
        builder.AddKimMessaging(bus =>
        {
            bus.AddConsumer<ReferralRequestedConsumer>();
            bus.AddConsumer<ConsentWithdrawnConsumer>();
            bus.AddConsumer<CaseErasedConsumer>();
            bus.AddConsumer<HeldDataAtPartnersRequestedConsumer>();
            bus.AddConsumer<ReportingRebuildRequestedConsumer>();
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<TenantUnitOfWork>();
        builder.Services.AddScoped<OrganisationAccess>();
        builder.Services.AddScoped<OfferAccess>();
        builder.Services.AddScoped<OfferDirectory>();
        builder.Services.AddScoped<ReferralInbox>();
        builder.Services.AddScoped<VolunteerPool>();
        builder.Services.AddScoped<NetworkBodies>();
        builder.Services.AddOptions<PartnerRetentionOptions>().BindConfiguration(PartnerRetentionOptions.SectionName);
        builder.Services.AddSingleton<PartnerRetentionJob>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PartnerRetentionJob>());
        builder.Services.AddOpenApi();
    }
}

/// <summary>The partner service's own policies, next to the shared ones in <see cref="KimPolicies"/>.</summary>
internal static class PartnerPolicies
{
    /// <summary>Coordinators and tenant admins (all offers of the tenant) and partner staff (their organisation's).</summary>
    public const string OfferEditor = "offer-editor";
}
