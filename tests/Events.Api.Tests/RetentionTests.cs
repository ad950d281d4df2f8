using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Events.Api.Retention;
using KimPlatform.Events.Api.Tests.Support;
using KimPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Events.Api.Tests;

/// <summary>
/// A retention pass reaches every tenant of its database, so these tests have a database of their own
/// (<see cref="EventRetentionCollection"/>), and no other test's registrations lose their data to them.
/// </summary>
[Collection(EventRetentionCollection.Name)]
public sealed class RetentionTests(EventsApiFactory factory)
{
    private static readonly DateTimeOffset CafeEnds = DateTimeOffset.Parse("2030-03-28T16:00:00+01:00", System.Globalization.CultureInfo.InvariantCulture);
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task Retention_RemovesNamesAndEmails90DaysAfterTheEvent_AndKeepsTheCounts()
    {
        var coordinator = factory.Coordinator(_tenant);
        var cafe = (await coordinator.ScheduleAsync(EventRequests.WorldCafe(capacity: 2, sessions: []))).Id();
        var later = (await coordinator.ScheduleAsync(EventRequests.WorldCafe(startsAt: "2030-09-01T10:00:00+02:00", endsAt: "2030-09-01T16:00:00+02:00"))).Id();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var personal = new List<string>();
        var ids = new List<JsonElement>();
        for (var i = 0; i < 3; i++)
        {
            var (name, email) = ($"Name{i}{marker}", $"mail{i}{marker}@example.org");
            personal.AddRange([name, email]);
            ids.Add(await (await factory.Anonymous().RegisterAsync(cafe, _tenant, EventRequests.Registrant(email, name: name))).Content.ReadFromJsonAsync<JsonElement>());
        }

        await factory.Anonymous().CancelAsync(cafe, _tenant, ids[0].Id(), ids[0].GetProperty("cancelToken").GetString());
        await coordinator.PostAsJsonAsync($"/api/events/{cafe}/checkins", new { registrationId = ids[1].Id() });
        var kept = await factory.Anonymous().RegisterAsync(later, _tenant, EventRequests.Registrant($"kept{marker}@example.org"));
        var counts = await CountsAsync(cafe);
        var job = factory.Services.GetRequiredService<RegistrationRetentionJob>();

        Assert.Equal(0, await job.RunOnceAsync(CafeEnds.AddDays(89), CancellationToken.None));
        Assert.Equal(personal.Count, (await DatabaseSearch.FindAsync(factory.OwnerConnectionString, personal)).Count);

        Assert.Equal(3, await job.RunOnceAsync(CafeEnds.AddDays(91), CancellationToken.None));

        Assert.Empty(await DatabaseSearch.FindAsync(factory.OwnerConnectionString, personal));
        Assert.Equal(counts, await CountsAsync(cafe));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0 AND (needs IS NOT NULL OR organisation IS NOT NULL)", cafe));
        Assert.Single(await DatabaseSearch.FindAsync(factory.OwnerConnectionString, [$"kept{marker}@example.org"]));
        Assert.Equal(System.Net.HttpStatusCode.Created, kept.StatusCode);
    }

    private async Task<(long Confirmed, long Waitlisted, long Cancelled, long CheckedIn, long Volunteers)> CountsAsync(Guid eventId) => (
        await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0 AND status = 'confirmed'", eventId),
        await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0 AND status = 'waitlisted'", eventId),
        await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0 AND status = 'cancelled'", eventId),
        await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0 AND checked_in_at IS NOT NULL", eventId),
        await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0 AND participant_group = 'volunteer'", eventId));
}

[CollectionDefinition(Name)]
public sealed class EventRetentionCollection : ICollectionFixture<EventsApiFactory>
{
    public const string Name = "events-retention";
}
