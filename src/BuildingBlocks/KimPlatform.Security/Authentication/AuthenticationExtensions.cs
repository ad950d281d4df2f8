using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers token validation, <see cref="CallerContext"/> and the role policies.</summary>
public static class AuthenticationExtensions
{
    /// <summary>
    /// Validates bearer tokens from the configured OIDC authority, or (without one) tokens signed with the
    /// development key. Every endpoint then needs an authenticated caller with a tenant unless it allows anonymous.
    /// </summary>
    public static IHostApplicationBuilder AddKimAuthentication(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        // Bound when first used, so that hosts and tests can still change the configuration after registration;
        // validated when the host starts, so that a process that could only run in development mode never serves.
        builder.Services.AddOptions<IdentityProviderOptions>()
            .BindConfiguration(IdentityProviderOptions.SectionName)
            .Validate<IHostEnvironment>(HasUsableMode, IdentityProviderOptions.NoUsableModeMessage)
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(services => new ProviderConfigurationManager(
            services.GetRequiredService<IOptions<IdentityProviderOptions>>().Value, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<IdentityProviderOptions>, IServiceProvider>((jwt, identity, services) => Configure(jwt, identity.Value, services));
        builder.Services.AddHostedService<DevelopmentSigningNotice>();

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(KimPolicies.TenantMember())
            .AddPolicy(KimPolicies.CaseManager, KimPolicies.InRole(KimRoles.CaseManager))
            .AddPolicy(KimPolicies.Coordinator, KimPolicies.InRole(KimRoles.Coordinator, KimRoles.TenantAdmin))
            .AddPolicy(KimPolicies.PartnerStaff, KimPolicies.InRole(KimRoles.PartnerStaff))
            .AddPolicy(KimPolicies.TenantAdmin, KimPolicies.InRole(KimRoles.TenantAdmin))
            .AddPolicy(KimPolicies.CaseManagerOrTenantAdmin, KimPolicies.InRole(KimRoles.CaseManager, KimRoles.TenantAdmin))
            .AddPolicy(KimPolicies.Member, KimPolicies.TenantMember());

        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddScoped<CallerContext>(services =>
            CallerContext.FromPrincipal(services.GetRequiredService<IHttpContextAccessor>().HttpContext?.User));
        return builder;
    }

    // Development signing only in the Development environment: anyone who can read one process's environment could
    // otherwise mint a tenant admin of every tenant.
    private static bool HasUsableMode(IdentityProviderOptions options, IHostEnvironment environment) =>
        !string.IsNullOrWhiteSpace(options.Authority)
        || (environment.IsDevelopment() && !string.IsNullOrWhiteSpace(options.DevelopmentSigningKey));

    private static void Configure(JwtBearerOptions jwt, IdentityProviderOptions options, IServiceProvider services)
    {
        jwt.MapInboundClaims = false;
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                context.Principal = KimClaimMapping.Map(context.Principal!, options.Claims);
                return RefuseUnusableIdentity(context);
            },
        };
        jwt.Audience = options.Audience;
        jwt.TokenValidationParameters.NameClaimType = KimClaims.Name;
        jwt.TokenValidationParameters.RoleClaimType = KimClaims.Roles;
        jwt.TokenValidationParameters.ValidAudience = options.Audience;
        jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);

        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            // Keys come from the discovery document's JWKS; a token with an unknown kid makes the handler fetch them
            // again before judging it (at most once per KeyRefreshInterval), so a rotation needs no restart here.
            jwt.Authority = options.Authority;
            jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            jwt.ConfigurationManager = services.GetRequiredService<ProviderConfigurationManager>();
            return;
        }

        if (string.IsNullOrWhiteSpace(options.DevelopmentSigningKey))
        {
            throw new InvalidOperationException(IdentityProviderOptions.NoUsableModeMessage);
        }

        jwt.RequireHttpsMetadata = false;
        jwt.TokenValidationParameters.ValidIssuer = IdentityProviderOptions.DevelopmentIssuer;
        jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(options.DevelopmentSigningKey));
        jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
    }

    // A signed token is not enough: without a subject, or without proper tenant and organisation keys, a caller
    // would act in a shared '' tenant or leave no name in the audit log.
    private static Task RefuseUnusableIdentity(TokenValidatedContext context)
    {
        var caller = CallerContext.FromPrincipal(context.Principal);
        if (string.IsNullOrWhiteSpace(caller.UserId) || !KimClaims.IsKey(caller.TenantId) || !KimClaims.IsKey(caller.OrganisationId))
        {
            context.Fail("The token must carry 'sub', and 'tenant' and 'org' keys (lowercase letters, digits and '-').");
        }

        return Task.CompletedTask;
    }
}
