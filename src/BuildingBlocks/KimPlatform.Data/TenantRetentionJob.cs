using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KimPlatform.Data;

/// <summary>
/// The loop every retention job shares: a pass at start and then every <see cref="Interval"/>, a failed pass logged
/// and tried again at the next one, and each piece of work for a tenant in a scope of its own, in a transaction under
/// that tenant's row-level security. What a pass removes is the derived job's.
/// </summary>
/// <typeparam name="TContext">The service's DbContext.</typeparam>
public abstract class TenantRetentionJob<TContext>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
    where TContext : DbContext
{
    /// <summary>The job's logger, for what a pass removed.</summary>
    protected ILogger Logger { get; } = logger;

    /// <summary>How long to wait between passes; read before each wait, so a changed setting applies.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass over every tenant as of <paramref name="now"/>.</summary>
    protected abstract Task RunPassAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The tenants the database holds data of, from the service's table without row-level security.</summary>
    protected abstract Task<List<string>> ListTenantsAsync(TContext db, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(clock.GetUtcNow(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                TenantRetentionLog.PassFailed(Logger, exception);
            }

            await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Every tenant the database knows.</summary>
    protected Task<List<string>> KnownTenantsAsync(CancellationToken cancellationToken) =>
        InScopeAsync(work => work.RunAsync(db => ListTenantsAsync(db, cancellationToken), cancellationToken));

    /// <summary>Runs <paramref name="work"/> for <paramref name="tenantId"/> in a scope and a transaction of its own; it commits when the work returns.</summary>
    protected Task<T> ForTenantAsync<T>(string tenantId, Func<TContext, Task<T>> work, CancellationToken cancellationToken) =>
        InScopeAsync(unit => unit.For(tenantId).RunAsync(work, cancellationToken));

    private async Task<T> InScopeAsync<T>(Func<TenantUnitOfWork<TContext>, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await work(new TenantUnitOfWork<TContext>(services.GetRequiredService<TContext>(), services.GetRequiredService<CurrentTenant>()));
    }
}

internal static partial class TenantRetentionLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention pass failed; trying again at the next interval")]
    public static partial void PassFailed(ILogger logger, Exception exception);
}
