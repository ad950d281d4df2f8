using KimPlatform.Web.Components;
using KimPlatform.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// Before authorisation: a workspace request without a session goes to the gateway's sign-in, not to a 401.
app.UseServiceDefaults(afterAuthentication: web => web.UseWorkspaceSignIn());
app.UsePortalLanguage();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapStaticAssets().AllowAnonymous();
app.MapLanguageSwitch();
app.MapRazorComponents<App>().AllowAnonymous();

await app.RunAsync();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
