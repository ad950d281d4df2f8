using KimPlatform.Web.Gateway;
using KimPlatform.Web.Localization;

namespace KimPlatform.Web.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // The bearer token the gateway attaches is validated here too, only to shape the pages by role; every change
        // is authorised again by the services behind the gateway.
        builder.AddKimAuthentication();
        builder.Services.AddRazorComponents();
        builder.Services.AddLocalization();
        builder.Services.AddGatewayClient(builder.Configuration);
    }

    public static WebApplication UsePortalLanguage(this WebApplication app)
    {
        app.UseRequestLocalization(PortalLanguages.LocalizationOptions());
        // A link with ?lang= (shared, bookmarked) chooses the language for the pages that follow too.
        app.Use((context, next) =>
        {
            if (context.Request.Query["lang"].ToString() is { Length: > 0 } lang && PortalLanguages.IsSupported(lang))
            {
                PortalLanguages.Remember(context.Response, lang);
            }

            return next(context);
        });
        // The workspace speaks German and English only; a portal language remembered in the cookie means German there.
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/workspace", StringComparison.Ordinal))
            {
                PortalLanguages.UseWorkspaceCulture();
            }

            return next(context);
        });
        return app;
    }

    /// <summary>A workspace request without the gateway's bearer token goes to the gateway's browser sign-in.</summary>
    public static void UseWorkspaceSignIn(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/workspace", StringComparison.Ordinal)
                && context.User.Identity?.IsAuthenticated != true)
            {
                var returnUrl = $"{context.Request.PathBase}{context.Request.Path}{context.Request.QueryString}";
                context.Response.Redirect($"/auth/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
                return Task.CompletedTask;
            }

            return next(context);
        });
    }

    /// <summary><c>/language?lang=ar&amp;returnUrl=/portal/…</c>: remembers the language in a cookie, then goes back.</summary>
    public static WebApplication MapLanguageSwitch(this WebApplication app)
    {
        app.MapGet("/portal/language", SwitchLanguage).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/workspace/language", SwitchLanguage).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static IResult SwitchLanguage(HttpContext context, string? lang, string? returnUrl)
    {
        if (lang is not null && PortalLanguages.IsSupported(lang))
        {
            PortalLanguages.Remember(context.Response, lang);
        }

        var target = returnUrl is { Length: > 1 } && returnUrl[0] == '/' && returnUrl[1] is not '/' and not '\\' ? returnUrl : "/portal";
        return TypedResults.Redirect(target);
    }
}
