using KimPlatform.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// The limiter runs after authentication (it partitions by caller) and before authorisation, so 401s are limited too.
app.UseServiceDefaults(afterAuthentication: gateway => gateway.UseRateLimiter());
app.MapDefaultEndpoints();
app.MapApiReference();
app.MapReverseProxy();

await app.RunAsync();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
