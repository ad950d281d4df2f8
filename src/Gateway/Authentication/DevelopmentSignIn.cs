using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using KimPlatform.Gateway.BrowserSession;
using KimPlatform.Security.Authentication;
using KimPlatform.Security.Authorization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KimPlatform.Gateway.Authentication;

/// <summary>
/// Local mode only (Development environment, development signing): a page where a developer picks tenant,
/// organisation, user and roles. It mints the same token as <c>./kim token</c> and starts the same session as a
/// provider sign-in would. Not mapped at all anywhere else.
/// </summary>
internal static class DevelopmentSignIn
{
    private static readonly string[] Roles = [KimRoles.CaseManager, KimRoles.PartnerStaff, KimRoles.Coordinator, KimRoles.TenantAdmin];
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static void MapDevelopmentSignIn(this RouteGroupBuilder auth)
    {
        auth.MapGet("/dev", Page).AllowAnonymous();
        auth.MapPost("/dev", SignInAsync).AllowAnonymous().DisableAntiforgery();
    }

    private static IResult Page(string? returnUrl, HttpContext context, IAntiforgery antiforgery)
    {
        returnUrl = ReturnUrl.IsLocal(returnUrl) ? returnUrl! : "/";
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = HtmlEncoder.Default;
        var roles = new StringBuilder();
        foreach (var role in Roles)
        {
            roles.Append("<label><input type=\"checkbox\" name=\"roles\" value=\"").Append(html.Encode(role)).Append("\"> ")
                .Append(html.Encode(role)).Append("</label>");
        }

        return new HtmlPageResult($$"""
            <!doctype html>
            <html lang="de"><head><meta charset="utf-8"><title>KIM – Entwicklungsanmeldung</title>
            <style>body{font-family:sans-serif;max-width:30em;margin:2em auto}label{display:block;margin:.4em 0}input[type=text]{width:100%}</style></head>
            <body><h1>Entwicklungsanmeldung</h1>
            <p>Nur für die lokale Entwicklung: stellt ein Entwicklungstoken aus, wie <code>./kim token</code>.</p>
            <form method="post" action="/auth/dev">
            <input type="hidden" name="{{html.Encode(tokens.FormFieldName)}}" value="{{html.Encode(tokens.RequestToken ?? "")}}">
            <input type="hidden" name="returnUrl" value="{{html.Encode(returnUrl)}}">
            <label>Mandant (tenant) <input type="text" name="tenant" required pattern="[a-z0-9][a-z0-9\-]{0,62}" value="kreis-guetersloh"></label>
            <label>Organisation <input type="text" name="organisation" required pattern="[a-z0-9][a-z0-9\-]{0,62}" value="stadt-rietberg"></label>
            <label>Benutzer (user) <input type="text" name="user" required maxlength="100" value="dev-user"></label>
            <fieldset><legend>Rollen</legend>{{roles}}</fieldset>
            <button type="submit">Anmelden</button>
            </form></body></html>
            """, postsToSelf: true);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IAntiforgery antiforgery, IOptions<IdentityProviderOptions> identity, TimeProvider time)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The sign-in form has expired; open /auth/dev again.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var tenant = form["tenant"].ToString();
        var organisation = form["organisation"].ToString();
        var user = form["user"].ToString().Trim();
        var roles = form["roles"].Where(role => role is not null).Select(role => role!).Distinct(StringComparer.Ordinal).ToArray();
        var returnUrl = form["returnUrl"].ToString();
        var errors = new Dictionary<string, string[]>();
        if (!KimClaims.IsKey(tenant))
        {
            errors["tenant"] = ["A key of lowercase letters, digits and '-'."];
        }

        if (!KimClaims.IsKey(organisation))
        {
            errors["organisation"] = ["A key of lowercase letters, digits and '-'."];
        }

        if (user.Length is 0 or > 100 || user.Any(char.IsControl))
        {
            errors["user"] = ["1 to 100 characters."];
        }

        if (roles.Length == 0 || roles.Any(role => !Roles.Contains(role, StringComparer.Ordinal)))
        {
            errors["roles"] = [$"One or more of {string.Join(", ", Roles)}."];
        }

        if (!ReturnUrl.IsLocal(returnUrl))
        {
            errors["returnUrl"] = ["A path on this site."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var expiresAt = time.GetUtcNow() + Lifetime;
        var accessToken = Mint(identity.Value, user, tenant, organisation, roles, expiresAt);
        var properties = new AuthenticationProperties { IsPersistent = false, ExpiresUtc = expiresAt };
        properties.Items[SessionTokens.CsrfItem] = SessionTokens.NewCsrfToken();
        SessionTokens.Save(properties, accessToken, expiresAt, refreshToken: null);
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(KimClaims.Subject, user)], "development"));
        await context.SignInAsync(BrowserSessionExtensions.SessionScheme, principal, properties);
        return TypedResults.Redirect(returnUrl);
    }

    // The same claims as `./kim token` (launcher/token.sh) and DevTokens in the tests.
    private static string Mint(IdentityProviderOptions identity, string user, string tenant, string organisation, string[] roles, DateTimeOffset expiresAt) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = IdentityProviderOptions.DevelopmentIssuer,
            Audience = identity.Audience,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Convert.FromBase64String(identity.DevelopmentSigningKey!)), SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [KimClaims.Subject] = user,
                [KimClaims.Name] = user,
                [KimClaims.Tenant] = tenant,
                [KimClaims.Organisation] = organisation,
                [KimClaims.Roles] = roles,
            },
        });
}
