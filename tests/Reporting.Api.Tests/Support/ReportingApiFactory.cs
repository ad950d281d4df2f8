using System.Net.Http.Headers;
using KimPlatform.Contracts;
using KimPlatform.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Reporting.Api.Tests.Support;

/// <summary>
/// The reporting service in process, on a database of its own on the real server, and on a broker virtual host of its
/// own: the events a test publishes reach only this service, and the running stack's events never reach it.
/// </summary>
public sealed class ReportingApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private BrokerVirtualHost? _virtualHost;

    public string SigningKey { get; } = DevTokens.NewKey();
    public string OwnerConnectionString { get; } = TestEnvironment.NewDatabase("reporting");

    /// <summary>A tenant whose suppression threshold is overridden to 3; every other tenant has 1, so single cases show.</summary>
    public string TenantWithThresholdThree { get; } = TestEnvironment.NewTenant();

    /// <summary>Tenants with the production default threshold of 5, one per suppression test.</summary>
    public IReadOnlyList<string> TenantsWithThresholdFive { get; } = Enumerable.Range(0, 8).Select(_ => TestEnvironment.NewTenant()).ToArray();

    public string PseudonymKey { get; } = DevTokens.NewKey();

    public string EndpointPrefix { get; } = $"test-{Guid.NewGuid():N}";

    public BrokerVirtualHost VirtualHost => _virtualHost ?? throw new InvalidOperationException("Not initialised.");

    public async ValueTask InitializeAsync() => _virtualHost = await BrokerVirtualHost.CreateAsync();

    // xunit.v3 disposes a fixture through IAsyncDisposable, which the factory already implements.
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_virtualHost is not null)
        {
            await _virtualHost.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
            TenantsWithThresholdFive.Select(tenant => KeyValuePair.Create($"Reporting:Tenants:{tenant}:SuppressionThreshold", (string?)"5"))));
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:reportingdb"] = OwnerConnectionString,
            ["ConnectionStrings:messaging"] = (_virtualHost ?? throw new InvalidOperationException("Not initialised.")).Address,
            ["Identity:DevelopmentSigningKey"] = SigningKey,
            ["Messaging:EndpointPrefix"] = EndpointPrefix,
            ["Reporting:SuppressionThreshold"] = "1",
            [$"Reporting:Tenants:{TenantWithThresholdThree}:SuppressionThreshold"] = "3",
            ["Reporting:PseudonymKey"] = PseudonymKey,
            // The tests read figures right after a change; FigureCacheTests try the age bound on a host of their own.
            ["Reporting:MaxFigureAgeSeconds"] = "0",
        }));
        // A test publishes right after start-up: the consumers' queues must be bound by then, or the message is dropped.
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true));
    }

    public HttpClient CoordinatorOf(string tenant)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", DevTokens.Create(SigningKey, tenant, "ki-test", "coordinator"));
        return client;
    }

    /// <summary>Publishes events one after another through the real broker, with the event id as MessageId (as the outbox
    /// does), each once the reporting consumer has recorded the one before in its inbox.</summary>
    public async Task DeliverAsync(params IntegrationEvent[] events)
    {
        foreach (var integrationEvent in events)
        {
            await DeliverTogetherAsync(integrationEvent);
        }
    }

    /// <summary>Publishes events all at once, so the consumers may apply them concurrently, and waits until all are applied.</summary>
    public async Task DeliverTogetherAsync(params IntegrationEvent[] events)
    {
        var bus = Services.GetRequiredService<IBus>();
        foreach (var integrationEvent in events)
        {
            await bus.Publish(integrationEvent, integrationEvent.GetType(), context => context.MessageId = integrationEvent.EventId);
        }

        var ids = events.Select(integrationEvent => integrationEvent.EventId).Distinct().ToArray();
        var applied = await Eventually.GetAsync(
            () => CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@p0)", ids), count => count == ids.Length);
        Assert.True(applied == ids.Length, $"{ids.Length - applied} of {ids.Length} events were never applied.");
    }

    /// <summary>Counts as the server's superuser, past row-level security: what is really stored.</summary>
    public Task<long> CountAsync(string sql, params object[] parameters) => Sql.CountAsync(OwnerConnectionString, sql, parameters);
}

[CollectionDefinition(Name)]
public sealed class ReportingApiCollection : ICollectionFixture<ReportingApiFactory>
{
    public const string Name = "reporting-api";
}
