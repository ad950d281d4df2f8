using KimPlatform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a service's own PostgreSQL database with tenant row-level security.</summary>
public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the runtime role's connection with the tenant interceptor, a
    /// readiness check, and the <see cref="ServiceDatabase"/> that <see cref="ServiceDatabaseMigrator"/> migrates at start-up.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(
        this IHostApplicationBuilder builder, string connectionName, params string[] appendOnlyTables)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Resolved on first use, so that hosts and tests can still change the configuration after registration.
        builder.Services.AddSingleton(services => Create(services.GetRequiredService<IConfiguration>(), connectionName, appendOnlyTables));
        builder.Services.AddScoped<CurrentTenant>();
        builder.Services.AddScoped<TenantTransactionInterceptor>();
        builder.Services.AddDbContext<TContext>((services, db) => db
            .UseNpgsql(services.GetRequiredService<ServiceDatabase>().RuntimeDataSource)
            .AddInterceptors(services.GetRequiredService<TenantTransactionInterceptor>())
            .ConfigureWarnings(LogFailuresOnce));

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "postgres",
            services => new PostgresHealthCheck(services.GetRequiredService<ServiceDatabase>().RuntimeDataSource),
            HealthStatus.Unhealthy,
            ["ready"],
            TimeSpan.FromSeconds(5)));
        return builder;
    }

    /// <summary>
    /// EF Core logs every failed connection, command, transaction, save and query as an error, and the exception then
    /// reaches whoever logs it again: the exception handler (a 500 with its stack, a 503 as one warning line), MassTransit
    /// (a consumer's retry or fault) or the background job. During a database outage that made several error lines per
    /// call; at Debug they stay available to whoever asks for them.
    /// </summary>
    private static void LogFailuresOnce(WarningsConfigurationBuilder warnings) => warnings.Log(
        (RelationalEventId.ConnectionError, LogLevel.Debug),
        (RelationalEventId.CommandError, LogLevel.Debug),
        (RelationalEventId.TransactionError, LogLevel.Debug),
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug));

    private static ServiceDatabase Create(IConfiguration configuration, string connectionName, string[] appendOnlyTables)
    {
        var ownerConnectionString = configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not configured.");
        var options = configuration.GetSection(ServiceDatabaseOptions.SectionName).Get<ServiceDatabaseOptions>()
            ?? new ServiceDatabaseOptions();
        var runtimeConnectionString = configuration.GetConnectionString($"{connectionName}-runtime")
            ?? DeriveRuntimeConnectionString(ownerConnectionString, connectionName, options);
        return new ServiceDatabase(connectionName, ownerConnectionString, runtimeConnectionString, options, appendOnlyTables);
    }

    private static string DeriveRuntimeConnectionString(string ownerConnectionString, string connectionName, ServiceDatabaseOptions options)
    {
        var runtime = new NpgsqlConnectionStringBuilder(ownerConnectionString)
        {
            Username = options.RuntimeUser ?? $"{connectionName}_app",
            Password = options.RuntimePassword,
        };
        return runtime.ConnectionString;
    }
}
