using System.Net.Http.Headers;
using KimPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace KimPlatform.Events.Api.Tests.Support;

/// <summary>The event service in process, on a database of its own on the real server and the real broker.</summary>
public sealed class EventsApiFactory : WebApplicationFactory<Program>
{
    public string SigningKey { get; } = DevTokens.NewKey();
    public string OwnerConnectionString { get; } = TestEnvironment.NewDatabase("events");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:eventsdb"] = OwnerConnectionString,
            ["ConnectionStrings:messaging"] = TestEnvironment.RabbitMq,
            ["Identity:DevelopmentSigningKey"] = SigningKey,
            ["Messaging:EndpointPrefix"] = $"test-{Guid.NewGuid():N}",
            // Every test calls from the same address; RateLimitTests sets a low limit on a host of its own.
            ["Events:RateLimit:AnonymousPermitsPerMinute"] = "100000",
        }));
    }

    public HttpClient ClientFor(string tenant, string organisation, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", DevTokens.Create(SigningKey, tenant, organisation, roles));
        return client;
    }

    public HttpClient Coordinator(string tenant) => ClientFor(tenant, "ki-guetersloh", "coordinator");

    public HttpClient Anonymous() => CreateClient();

    /// <summary>Counts as the server's superuser, past row-level security: what is really stored.</summary>
    public Task<long> CountAsync(string sql, params object[] parameters) => Sql.CountAsync(OwnerConnectionString, sql, parameters);
}

[CollectionDefinition(Name)]
public sealed class EventsApiCollection : ICollectionFixture<EventsApiFactory>
{
    public const string Name = "events-api";
}
