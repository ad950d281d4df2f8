using KimPlatform.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.UseRateLimiter();
app.MapApiReference();
app.MapReverseProxy();

await app.RunAsync();

/// <summary>Entry point, visible to tests.</summary>
public partial class Program;
