using System.Net;
using KimPlatform.Events.Api.Tests.Support;
using KimPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace KimPlatform.Events.Api.Tests;

[Collection(EventsApiCollection.Name)]
public sealed class RateLimitTests(EventsApiFactory factory)
{
    [Fact]
    public async Task AnonymousRegistrations_BeyondTheLimitPerAddress_Get429WithRetryAfter_SignedInCallersDoNot()
    {
        var tenant = TestEnvironment.NewTenant();
        await using var limited = factory.WithWebHostBuilder(builder => builder.ConfigureAppConfiguration(configuration =>
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Events:RateLimit:AnonymousPermitsPerMinute"] = "3" })));
        var coordinator = factory.Coordinator(tenant);
        var cafe = (await coordinator.ScheduleAsync()).Id();
        var anonymous = limited.CreateClient();

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add(await anonymous.RegisterAsync(cafe, tenant, EventRequests.Registrant($"p{i}@example.org")));
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests],
            answers.Select(a => a.StatusCode));
        Assert.True(answers[3].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", answers[3].Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0", cafe));
        var signedIn = limited.CreateClient();
        signedIn.DefaultRequestHeaders.Authorization = coordinator.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.Created, (await signedIn.RegisterAsync(cafe, tenant, EventRequests.Registrant("p9@example.org"))).StatusCode);
    }
}
