using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KimPlatform.Gateway.Tests.Support;

/// <summary>
/// Stands in for every service behind the gateway on a real port: answers each request with what arrived (method,
/// path, headers), sends server banners of its own, and has a slow path and an HTML page.
/// </summary>
internal sealed class EchoService : IAsyncDisposable
{
    public const string SlowPath = "/api/cases/slow";
    public const string HtmlPath = "/reports/page.html";

    private readonly WebApplication _app;

    private EchoService(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.First());

    /// <param name="address">Where to listen (a replica coming back where it was); by default a free port.</param>
    public static async Task<EchoService> StartAsync(Uri? address = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(address?.ToString() ?? "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet(SlowPath, async (CancellationToken cancellation) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(20), cancellation);
            return Results.Ok();
        });
        app.MapGet(HtmlPath, () => Results.Content("<!doctype html><title>page</title><p>page</p>", "text/html; charset=utf-8"));
        app.MapFallback(async context =>
        {
            // Drain the body, so that the gateway's body limit (not this one's) decides about large bodies.
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.Headers["X-Powered-By"] = "Echo";
            await context.Response.WriteAsJsonAsync(new Echo(
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        });
        await app.StartAsync();
        return new EchoService(app);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    internal sealed record Echo(string Method, string Path, Dictionary<string, string> Headers)
    {
        public static async Task<Echo> ReadAsync(HttpResponseMessage response) =>
            JsonSerializer.Deserialize<Echo>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("Empty echo.");

        public string? Header(string name) =>
            Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
    }
}
