using System.Net.Http.Headers;
using KimPlatform.Testing;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Partners.Api.Tests.Support;

/// <summary>The partner service in process, on a database of its own on the real server and the real broker.</summary>
public sealed class PartnersApiFactory : WebApplicationFactory<Program>
{
    public string SigningKey { get; } = DevTokens.NewKey();
    public string OwnerConnectionString { get; } = TestEnvironment.NewDatabase("partners");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:partnersdb"] = OwnerConnectionString,
            ["ConnectionStrings:messaging"] = TestEnvironment.RabbitMq,
            ["Identity:DevelopmentSigningKey"] = SigningKey,
            ["Messaging:EndpointPrefix"] = $"test-{Guid.NewGuid():N}",
        }));
        // Tests publish to the service right after start: its queues must be bound by then.
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true));
    }

    public HttpClient ClientFor(string tenant, string organisation, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", DevTokens.Create(SigningKey, tenant, organisation, roles));
        return client;
    }

    public HttpClient Coordinator(string tenant) => ClientFor(tenant, "kreis-kim", "coordinator");

    public HttpClient Staff(string tenant, string organisation) => ClientFor(tenant, organisation, "partner_staff");

    /// <summary>Counts as the server's superuser, past row-level security: what is really stored.</summary>
    public Task<long> CountAsync(string sql, params object[] parameters) => Sql.CountAsync(OwnerConnectionString, sql, parameters);
}

[CollectionDefinition(Name)]
public sealed class PartnersApiCollection : ICollectionFixture<PartnersApiFactory>
{
    public const string Name = "partners-api";
}
