using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Telemetry, health, service discovery, resilience, problem details and JSON defaults shared by every process.
/// </summary>
public static class Extensions
{
    /// <summary>Tag of the health checks that only <c>/health/ready</c> runs (database, broker, downstream services).</summary>
    public const string ReadyTag = "ready";

    /// <summary>Largest request body an API accepts unless <c>Kestrel:Limits:MaxRequestBodySize</c> says otherwise.</summary>
    public const long DefaultMaxRequestBodySize = 1024 * 1024;

    /// <summary>Adds the platform's defaults to a service or the gateway.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.Configure<KestrelServerOptions>(kestrel =>
            kestrel.Limits.MaxRequestBodySize = builder.Configuration.GetValue<long?>("Kestrel:Limits:MaxRequestBodySize")
                ?? DefaultMaxRequestBodySize);

        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemDetailsEnricher.Enrich);
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<DependencyOutageExceptionHandler>();
        builder.Services.AddExceptionHandler<UnhandledExceptionHandler>();
        // Since .NET 10 the middleware logs nothing for an exception a handler answered. A 500 is a bug: log it with its
        // stack. A 400 or 503 is expected and its handler says what it needs to.
        builder.Services.Configure<ExceptionHandlerOptions>(options => options.SuppressDiagnosticsCallback =
            context => context.HttpContext.Response.StatusCode != StatusCodes.Status500InternalServerError);
        // Let bad bodies reach the exception handler, which answers with field-level problem details.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        builder.Services.AddOpenApiDefaults();

        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>(TrustConfiguredProxies);

        return builder;
    }

    /// <summary>
    /// <c>X-Forwarded-*</c> is believed only from the proxies in <c>ForwardedHeaders:KnownProxies</c> (addresses or
    /// CIDR networks) and, unless <c>ForwardedHeaders:TrustLoopback</c> is false, from loopback. The services trust
    /// the gateway; the gateway trusts only the county's load balancer, so a client cannot choose its own address.
    /// </summary>
    private static void TrustConfiguredProxies(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        var section = configuration.GetSection("ForwardedHeaders");
        if (section.GetValue("TrustLoopback", defaultValue: true))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
        }

        foreach (var proxy in (section.GetSection("KnownProxies").Get<string[]>() ?? []).Where(entry => !string.IsNullOrWhiteSpace(entry)))
        {
            if (System.Net.IPNetwork.TryParse(proxy, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(proxy, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"ForwardedHeaders:KnownProxies has '{proxy}', which is neither an IP address nor a CIDR network.");
            }
        }

        // With no known proxy at all the middleware would believe every sender, so it is switched off instead.
        if (options.KnownIPNetworks.Count == 0 && options.KnownProxies.Count == 0)
        {
            options.ForwardedHeaders = ForwardedHeaders.None;
        }
    }

    /// <summary>The platform's JSON conventions: camelCase, enums as kebab-case strings, no trailing commas or comments.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.RespectNullableAnnotations = true;
    }

    /// <summary>OpenTelemetry logs, metrics and traces; exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit")
                .AddMeter("KimPlatform.Messaging")
                .AddMeter("KimPlatform.Cases"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("MassTransit")
                .AddSource("Npgsql")
                .AddAspNetCoreInstrumentation(options =>
                    options.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>A liveness check; services add their readiness checks with <see cref="ReadyTag"/>.</summary>
    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// The shared middleware, in order: forwarded headers, the correlation id, one log line per request, problem
    /// details for exceptions and bare status codes, then authentication and authorisation when the process has them.
    /// Call right after <c>Build()</c>. <paramref name="afterAuthentication"/> adds middleware that needs to know the
    /// caller but must also see the requests authorisation turns away (the gateway's rate limiter: 401s count too).
    /// <paramref name="beforeAuthentication"/> adds middleware that must see the client's address and scheme but run
    /// before the caller is known (the gateway's security headers, CORS and browser session).
    /// </summary>
    public static WebApplication UseServiceDefaults(
        this WebApplication app, Action<WebApplication>? afterAuthentication = null, Action<WebApplication>? beforeAuthentication = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseMiddleware<RequestLogMiddleware>();
        // In Development the host puts its developer exception page (stack traces) outside this pipeline; the handler's
        // last resort (UnhandledExceptionHandler) answers every exception, so none reaches that page.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Explicitly after the status code pages, so that 401 and 403 challenges get problem details too.
        var authenticates = app.Services.GetService<IAuthenticationSchemeProvider>() is not null;
        beforeAuthentication?.Invoke(app);
        if (authenticates)
        {
            app.UseAuthentication();
        }

        afterAuthentication?.Invoke(app);
        if (authenticates)
        {
            app.UseAuthorization();
        }

        return app;
    }

    /// <summary>The health endpoints: <c>/health/live</c> (the process) and <c>/health/ready</c> (its dependencies, as JSON).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") })
            .AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
