using System.Net;
using KimPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KimPlatform.Gateway.Tests.Support;

/// <summary>
/// The gateway on a real Kestrel port (so body limits, server banners and cookies are the real ones) in front of an
/// <see cref="EchoService"/>, with settings of the test's choosing on top of its own <c>appsettings.json</c>.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    public static readonly string[] ServiceNames = ["cases-api", "partners-api", "events-api", "reporting-api"];

    private readonly WebApplicationFactory<Program> _factory;
    private readonly EchoService _echo;

    private GatewayHost(WebApplicationFactory<Program> factory, EchoService echo, string signingKey)
    {
        _factory = factory;
        _echo = echo;
        SigningKey = signingKey;
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Address = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>The development key the gateway trusts (local mode).</summary>
    public string SigningKey { get; }

    /// <summary>Where the gateway listens: http://127.0.0.1 and a free port.</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<GatewayHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development")
    {
        var echo = await EchoService.StartAsync();
        var key = DevTokens.NewKey();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment(environment);
            host.UseSetting("Identity:DevelopmentSigningKey", key);
            foreach (var service in ServiceNames)
            {
                host.UseSetting($"services:{service}:http:0", echo.Address.ToString());
            }

            host.ConfigureLogging(logging => logging.AddProvider(new ErrorLog()));
            foreach (var (name, value) in settings ?? new Dictionary<string, string?>())
            {
                host.UseSetting(name, value);
            }
        });
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        return new GatewayHost(factory, echo, key);
    }

    /// <summary>A client that follows no redirects and keeps no cookies, like an API client.</summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Address };

    /// <summary>A client carrying a development token of the tenant, organisation and roles.</summary>
    public HttpClient CreateClient(string tenant, string organisation, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", DevTokens.Create(SigningKey, tenant, organisation, roles));
        return client;
    }

    /// <summary>Errors the gateway logged, to make a 500 in a test explain itself.</summary>
    public static string Errors => ErrorLog.Text;

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _echo.DisposeAsync();
    }

    private sealed class ErrorLog : ILoggerProvider, ILogger
    {
        private static readonly System.Text.StringBuilder Lines = new();

        public static string Text
        {
            get
            {
                lock (Lines)
                {
                    return Lines.ToString();
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.AppendLine(formatter(state, exception)).AppendLine(exception?.ToString());
            }
        }

        public void Dispose()
        {
        }
    }
}
