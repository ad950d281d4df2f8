using System.Net.Http.Headers;
using KimPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace KimPlatform.Cases.Api.Tests.Support;

/// <summary>The cases service in process, on a database of its own on the real server and the real broker.</summary>
public sealed class CasesApiFactory : WebApplicationFactory<Program>
{
    public string SigningKey { get; } = DevTokens.NewKey();
    public string OwnerConnectionString { get; } = TestEnvironment.NewDatabase("cases");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:casesdb"] = OwnerConnectionString,
            ["ConnectionStrings:messaging"] = TestEnvironment.RabbitMq,
            ["Identity:DevelopmentSigningKey"] = SigningKey,
            ["Messaging:EndpointPrefix"] = $"test-{Guid.NewGuid():N}",
            ["DataMap:TimeoutSeconds"] = "1",
        }));
    }

    public HttpClient ClientFor(string tenant, string organisation, params string[] roles) =>
        Authorize(CreateClient(), SigningKey, tenant, organisation, roles);

    /// <summary>Gives a client (also one of a host derived with <c>WithWebHostBuilder</c>) a token for a user.</summary>
    public static HttpClient Authorize(HttpClient client, string signingKey, string tenant, string organisation, params string[] roles)
    {
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", DevTokens.Create(signingKey, tenant, organisation, roles));
        return client;
    }

    /// <summary>Counts as the server's superuser, past row-level security: what is really stored.</summary>
    public Task<long> CountAsync(string sql, params object[] parameters) => Sql.CountAsync(OwnerConnectionString, sql, parameters);
}

[CollectionDefinition(Name)]
public sealed class CasesApiCollection : ICollectionFixture<CasesApiFactory>
{
    public const string Name = "cases-api";
}
