using KimPlatform.Contracts;
using KimPlatform.Security.Authentication;
using KimPlatform.Data;
using KimPlatform.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KimPlatform.Messaging.Tests.Support;

/// <summary>
/// A host wired like a service (own database, runtime role, outbox dispatcher, MassTransit on the real broker,
/// an inbox consumer), with queue names of its own so tests never consume each other's messages.
/// </summary>
public sealed class MessagingHost : IAsyncLifetime
{
    private IHost? _host;

    public string OwnerConnectionString { get; } = TestEnvironment.NewDatabase("messaging");
    public DeliveryLog Deliveries { get; } = new();
    public string EndpointPrefix { get; } = $"test-{Guid.NewGuid():N}";

    /// <summary>The queue of the test consumer, as MassTransit's kebab-case formatter names it.</summary>
    public string ConsumerQueue => $"{EndpointPrefix}-note-from-case-opened";
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:notesdb"] = OwnerConnectionString,
            ["ConnectionStrings:messaging"] = TestEnvironment.RabbitMq,
            ["Messaging:EndpointPrefix"] = EndpointPrefix,
            ["Outbox:PollingInterval"] = "00:00:01",
            ["Outbox:RetryDelay"] = "00:00:00.5",
            ["Outbox:PublishTimeout"] = "00:00:05",
        });
        builder.Services.AddSingleton(CallerContext.Anonymous);
        builder.AddServiceDatabase<NotesDbContext>("notesdb");
        builder.AddKimMessaging(bus => bus.AddConsumer<NoteFromCaseOpenedConsumer>());
        // A test publishes right after start: its queue must be bound by then, or the first messages miss it.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);

        _host = builder.Build();
        await _host.Services.MigrateServiceDatabaseAsync<NotesDbContext>();
        _host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(Deliveries);
        await _host.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }

    /// <summary>Runs work in a fresh scope under a tenant, as a request or a consumer would.</summary>
    public async Task InScopeAsync(string tenantId, Func<NotesDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(tenantId);
        await work(scope.ServiceProvider.GetRequiredService<NotesDbContext>());
    }

    /// <summary>Reads one number as the owner, bypassing row-level security, to see what is really stored.</summary>
    public Task<long> CountAsync(string sql, params object[] parameters) => Sql.CountAsync(OwnerConnectionString, sql, parameters);

    public static CaseOpened NewCaseOpened(string tenantId) => new()
    {
        EventId = Guid.CreateVersion7(),
        TenantId = tenantId,
        OccurredAt = DateTimeOffset.UtcNow,
        Version = 1,
        CaseId = Guid.CreateVersion7(),
        OrganisationId = "stadt-test",
        Municipality = "Teststadt",
        AgeBand = "27-44",
        ResidenceStatus = "recognised-refugee",
        TargetGroups = ["families"],
        Reachability = "medium",
    };
}
