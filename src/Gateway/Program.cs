using KimPlatform.Gateway.Authentication;
using KimPlatform.Gateway.BrowserSession;
using KimPlatform.Gateway.Extensions;
using KimPlatform.Gateway.Policies;
using KimPlatform.Gateway.Routing;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// Headers and CORS before authentication (401s carry the headers; preflights carry no token), then the browser session
// becomes a bearer token, so that one authentication serves API clients and browsers. The limiter runs after
// authentication (it partitions by tenant and caller) and before authorisation, so 401s are limited too.
app.UseServiceDefaults(
    beforeAuthentication: gateway =>
    {
        gateway.UseGatewayHeaderPolicies();
        gateway.UseBrowserSession();
    },
    afterAuthentication: gateway => gateway.UseRateLimiter());
app.UseRequestTimeouts();
app.MapDefaultEndpoints();
app.MapApiReference();
app.MapAuthApi();
app.MapReverseProxy(proxy =>
{
    proxy.Use(ProxyTimeouts.AnswerGatewayTimeout);
    proxy.Use(ConnectFailover.SendToAnotherReplicaIfUnreachable);
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});

await app.RunAsync();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
