using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.EndToEnd.Tests.Support;

/// <summary>
/// Stand-ins for the four services on loopback ports, each answering every request with its own name, the method and
/// the path it received, so a test can see where the gateway sent a request.
/// </summary>
public sealed class NamedServices : IAsyncLifetime
{
    public static readonly string[] Names = ["cases-api", "partners-api", "events-api", "reporting-api"];

    private readonly List<WebApplication> _apps = [];

    private InProcessGateway? _gateway;

    public Dictionary<string, Uri> Addresses { get; } = [];

    /// <summary>A gateway instance in process with the default settings, in front of these stand-ins.</summary>
    public InProcessGateway Gateway => _gateway ??= new InProcessGateway(Addresses);

    public async ValueTask InitializeAsync()
    {
        foreach (var name in Names)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.Run(context => context.Response.WriteAsJsonAsync(new NamedAnswer(name, context.Request.Method, context.Request.Path.Value ?? "")));
            await app.StartAsync();
            Addresses[name] = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
            _apps.Add(app);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed record NamedAnswer(string Service, string Method, string Path);
