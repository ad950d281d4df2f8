using System.Net.Http.Headers;
using KimPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace KimPlatform.EndToEnd.Tests.Support;

/// <summary>
/// A second instance of the real gateway, in the test process, with settings the running stack cannot have: a rate
/// limit low enough to reach, or services that say who they are. It trusts the stack's signing key.
/// </summary>
public sealed class InProcessGateway(IReadOnlyDictionary<string, Uri> services, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var configuration = new Dictionary<string, string?> { ["Identity:DevelopmentSigningKey"] = TestEnvironment.StackSigningKey };
        foreach (var (name, address) in services)
        {
            configuration[$"services:{name}:http:0"] = address.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.UseEnvironment("Development");
        // As host settings, because the gateway reads its routes and limits while its builder runs.
        foreach (var (key, value) in configuration)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The running stack's services, as `./kim test` exports them.</summary>
    public static IReadOnlyDictionary<string, Uri> StackServices() => new Dictionary<string, Uri>
    {
        ["cases-api"] = Stack.Service("cases-api"),
        ["partners-api"] = Stack.Service("partners-api"),
        ["events-api"] = Stack.Service("events-api"),
        ["reporting-api"] = Stack.Service("reporting-api"),
    };

    public HttpClient Client(string? tenant = null, string organisation = "stadt-rietberg", params string[] roles)
    {
        var client = CreateClient();
        if (tenant is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Bearer", DevTokens.Create(TestEnvironment.StackSigningKey, tenant, organisation, roles));
        }

        return client;
    }
}
