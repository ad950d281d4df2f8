using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace KimPlatform.BuildingBlocks.Tests;

/// <summary>A process with the platform's defaults on an in-memory server, configured like a service.</summary>
internal static class TestApp
{
    public static WebApplication Build(string environment, IDictionary<string, string?> settings, Action<WebApplicationBuilder>? register = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        register?.Invoke(builder);
        var app = builder.Build();
        app.UseServiceDefaults();
        map?.Invoke(app);
        return app;
    }
}
