using System.Diagnostics.Metrics;
using KimPlatform.Contracts;
using KimPlatform.Messaging.Outbox;
using KimPlatform.Security.Authentication;
using KimPlatform.Data;
using KimPlatform.Testing;
using MassTransit;
using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KimPlatform.Messaging.Tests.Support;

/// <summary>
/// A host wired like a service (own database, runtime role, outbox dispatcher, MassTransit, an inbox consumer) on a
/// broker virtual host of its own, so that neither the running stack nor another test host sees its exchanges and
/// queues, and a broker outage it makes reaches only itself.
/// </summary>
public class MessagingHost : IAsyncLifetime
{
    private readonly MessagingHost? _sharing;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private IHost? _host;
    private BrokerVirtualHost? _virtualHost;

    public MessagingHost()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">Configuration that replaces the defaults, e.g. <c>Outbox:PollingInterval</c>.</param>
    /// <param name="sharing">Another host whose database, virtual host, queues and delivery log this one shares.</param>
    protected MessagingHost(IReadOnlyDictionary<string, string?> settings, MessagingHost? sharing = null)
    {
        _settings = settings;
        _sharing = sharing;
        OwnerConnectionString = sharing?.OwnerConnectionString ?? TestEnvironment.NewDatabase("messaging");
        Deliveries = sharing?.Deliveries ?? new DeliveryLog();
        EndpointPrefix = sharing?.EndpointPrefix ?? $"test-{Guid.NewGuid():N}";
    }

    public string OwnerConnectionString { get; }
    public DeliveryLog Deliveries { get; }
    public LogRecorder Logs { get; } = new();
    public string EndpointPrefix { get; }
    public BrokerVirtualHost VirtualHost => _sharing?.VirtualHost ?? _virtualHost ?? throw new InvalidOperationException("Not started.");

    /// <summary>This host's outbox counters (<see cref="OutboxMetrics"/>).</summary>
    public MeterTotals OutboxCounters { get; private set; } = null!;

    /// <summary>The queue of the test consumer, as MassTransit's kebab-case formatter names it.</summary>
    public string ConsumerQueue => $"{EndpointPrefix}-note-from-case-opened";
    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("Not started.");

    /// <summary>Starts a second host on this one's database and queues: a second dispatcher and a competing consumer.</summary>
    public async Task<MessagingHost> StartReplicaAsync()
    {
        var replica = new MessagingHost(_settings, this);
        await replica.InitializeAsync();
        return replica;
    }

    public async ValueTask InitializeAsync()
    {
        if (_sharing is null)
        {
            _virtualHost = await BrokerVirtualHost.CreateAsync();
        }

        var builder = Host.CreateApplicationBuilder();
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:notesdb"] = OwnerConnectionString,
            ["ConnectionStrings:messaging"] = VirtualHost.Address,
            ["Messaging:EndpointPrefix"] = EndpointPrefix,
            ["Outbox:PollingInterval"] = "00:00:01",
            ["Outbox:RetryDelay"] = "00:00:00.5",
            ["Outbox:PublishTimeout"] = "00:00:02",
            ["Outbox:CleanupInterval"] = "00:00:01",
        };
        foreach (var (key, value) in _settings)
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.AddProvider(Logs);
        builder.Services.AddSingleton(CallerContext.Anonymous);
        builder.Services.AddSingleton(Deliveries);
        builder.AddServiceDatabase<NotesDbContext>("notesdb");
        builder.AddKimMessaging(bus => bus.AddConsumer<NoteFromCaseOpenedConsumer>());
        // A test publishes right after start: its queue must be bound by then, or the first messages miss it.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
        // A test publishes right after start-up: its queue must be bound by then, or the message is dropped.
        builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);

        _host = builder.Build();
        OutboxCounters = new MeterTotals(OutboxMetrics.MeterName, _host.Services.GetRequiredService<IMeterFactory>());
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

        OutboxCounters?.Dispose();
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }

    /// <summary>Runs work in a fresh scope under a tenant, as a request or a consumer would.</summary>
    public async Task InScopeAsync(string tenantId, Func<NotesDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Use(tenantId);
        await work(scope.ServiceProvider.GetRequiredService<NotesDbContext>());
    }

    /// <summary>Commits events to the outbox in one tenant transaction, as a service's change would.</summary>
    public Task CommitEventsAsync(string tenantId, params IntegrationEvent[] events) => InScopeAsync(tenantId, async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.AddIntegrationEvents(events);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    });

    /// <summary>
    /// Writes an outbox row as the owner, past the model, as a faulty release or a hand-made repair could. <paramref name="settle"/>
    /// (an SQL <c>SET</c> list) is applied in the same transaction, so the dispatcher never sees the row pending. With
    /// <paramref name="notify"/> the dispatchers are woken as after a commit of the service's own; without it only their
    /// polling finds the row, as for a row another process wrote.
    /// </summary>
    public async Task InsertOutboxRowAsync(Guid id, string type, string payload, string tenant, string? settle = null, bool notify = true)
    {
        await using var connection = new NpgsqlConnection(OwnerConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO outbox_messages (id, message_type, payload, tenant_id, occurred_at) VALUES (@id, @type, @payload::jsonb, @tenant, now())",
            connection, transaction);
        insert.Parameters.AddWithValue("id", id);
        insert.Parameters.AddWithValue("type", type);
        insert.Parameters.AddWithValue("payload", payload);
        insert.Parameters.AddWithValue("tenant", tenant);
        await insert.ExecuteNonQueryAsync();
        if (settle is not null)
        {
            await using var update = new NpgsqlCommand($"UPDATE outbox_messages SET {settle} WHERE id = @id", connection, transaction);
            update.Parameters.AddWithValue("id", id);
            await update.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        if (notify)
        {
            OutboxSignal.Wake();
        }
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

/// <summary>A host that effectively never polls the outbox, so only a commit's wake-up can start a dispatch.</summary>
public sealed class NotifyOnlyMessagingHost() : MessagingHost(new Dictionary<string, string?> { ["Outbox:PollingInterval"] = "00:10:00" });

/// <summary>A host that takes ten outbox rows per batch, so that two dispatchers interleave.</summary>
public sealed class SmallBatchMessagingHost() : MessagingHost(new Dictionary<string, string?> { ["Outbox:BatchSize"] = "10" });
