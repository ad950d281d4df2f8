using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
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
        // Read when the options are first used, so that hosts and tests can still change the configuration after registration.
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfiguration>((jwt, configuration) => Configure(jwt,
                configuration.GetSection(IdentityProviderOptions.SectionName).Get<IdentityProviderOptions>() ?? new IdentityProviderOptions()));

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

    private static void Configure(JwtBearerOptions jwt, IdentityProviderOptions options)
    {
        jwt.MapInboundClaims = false;
        jwt.Audience = options.Audience;
        jwt.TokenValidationParameters.NameClaimType = KimClaims.Name;
        jwt.TokenValidationParameters.RoleClaimType = KimClaims.Roles;
        jwt.TokenValidationParameters.ValidAudience = options.Audience;
        jwt.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);

        if (!string.IsNullOrWhiteSpace(options.Authority))
        {
            jwt.Authority = options.Authority;
            jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            return;
        }

        if (string.IsNullOrWhiteSpace(options.DevelopmentSigningKey))
        {
            throw new InvalidOperationException(
                "Neither Identity:Authority nor Identity:DevelopmentSigningKey is configured; no token could be validated.");
        }

        jwt.RequireHttpsMetadata = false;
        jwt.TokenValidationParameters.ValidIssuer = IdentityProviderOptions.DevelopmentIssuer;
        jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(options.DevelopmentSigningKey));
        jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
    }
}
