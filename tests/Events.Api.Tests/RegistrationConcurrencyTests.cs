using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Events.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Events.Api.Tests;

[Collection(EventsApiCollection.Name)]
public sealed class RegistrationConcurrencyTests(EventsApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task Register_50ConcurrentFor20Places_Confirms20_Waitlists30InArrivalOrder_AndCancellationsPromoteTheNext5()
    {
        var coordinator = factory.Coordinator(_tenant);
        var cafe = (await coordinator.ScheduleAsync(EventRequests.WorldCafe(capacity: 20, sessions: []))).Id();

        var registered = await RegisterConcurrentlyAsync(cafe, 50);

        var confirmed = registered.Where(r => r.Status == "confirmed").ToArray();
        var waitlisted = registered.Where(r => r.Status == "waitlisted").OrderBy(r => r.Position).ToArray();
        Assert.Equal(20, confirmed.Length);
        Assert.All(confirmed, r => Assert.Null(r.Position));
        Assert.Equal(Enumerable.Range(1, 30), waitlisted.Select(r => r.Position!.Value));
        // Arrival order is the order the event's lock was granted, recorded as the sequence: the first 20 arrivals got
        // the places, and the waiting list follows the later arrivals one by one.
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), confirmed.Concat(waitlisted).Select(r => r.Sequence).Order());
        Assert.All(confirmed, r => Assert.InRange(r.Sequence, 1, 20));
        Assert.Equal(Enumerable.Range(21, 30).Select(i => (long)i), waitlisted.Select(r => r.Sequence));
        Assert.Equal(waitlisted.Select(r => r.Id), ParticipantOrder(await coordinator.ParticipantsAsync(cafe), "waitlisted"));

        var cancelled = confirmed.Take(5).ToArray();
        await Task.WhenAll(cancelled.Select(async r =>
            Assert.Equal(HttpStatusCode.OK, (await factory.Anonymous().CancelAsync(cafe, _tenant, r.Id, r.CancelToken)).StatusCode)));

        var after = await coordinator.ParticipantsAsync(cafe);
        var nowConfirmed = after.EnumerateArray().Where(p => p.GetProperty("status").GetString() == "confirmed").Select(p => p.Id()).ToHashSet();
        Assert.Equal(20, nowConfirmed.Count);
        Assert.Superset(waitlisted.Take(5).Select(r => r.Id).ToHashSet(), nowConfirmed);
        Assert.DoesNotContain(waitlisted[5].Id, nowConfirmed);
        Assert.Equal(waitlisted.Skip(5).Select(r => r.Id), ParticipantOrder(after, "waitlisted"));
        Assert.Equal(Enumerable.Range(1, 25), after.EnumerateArray().Where(p => p.GetProperty("status").GetString() == "waitlisted")
            .Select(p => p.GetProperty("position").GetInt32()));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM registrations WHERE event_id = @p0 AND status = 'confirmed' AND id = ANY(@p1)",
            cafe, cancelled.Select(r => r.Id).ToArray()));
    }

    [Fact]
    public async Task Register_50ConcurrentFor20SessionPlaces_Confirms20InTheSession_Waitlists30InOrder_AndCancellationsPromoteTheNext5()
    {
        var coordinator = factory.Coordinator(_tenant);
        var scheduled = await coordinator.ScheduleAsync(EventRequests.WorldCafe(capacity: 100, sessions:
            [new { title = "Workshop A: Anerkennung", capacity = 20 }, new { title = "Workshop B: Sprache", capacity = 100 }]));
        var (cafe, workshop, other) = (scheduled.Id(), scheduled.SessionId(0), scheduled.SessionId(1));

        var registered = await RegisterConcurrentlyAsync(cafe, 50, workshop, other);

        Assert.All(registered, r => Assert.Equal("confirmed", r.Status));
        Assert.All(registered, r => Assert.Equal("confirmed", r.SessionStatus(other)));
        var placed = registered.Where(r => r.SessionStatus(workshop) == "confirmed").ToArray();
        var waiting = registered.Where(r => r.SessionStatus(workshop) == "waitlisted").OrderBy(r => r.SessionPosition(workshop)).ToArray();
        Assert.Equal(20, placed.Length);
        Assert.Equal(Enumerable.Range(1, 30), waiting.Select(r => r.SessionPosition(workshop)!.Value));
        Assert.Equal(Enumerable.Range(21, 30).Select(i => (long)i), waiting.Select(r => r.Sequence));

        await Task.WhenAll(placed.Take(5).Select(async r =>
            Assert.Equal(HttpStatusCode.OK, (await coordinator.CancelAsync(cafe, _tenant, r.Id, null)).StatusCode)));

        var after = (await coordinator.ParticipantsAsync(cafe)).EnumerateArray().ToDictionary(p => p.Id());
        var inWorkshop = after.Values.Where(p => SessionOf(p, workshop).GetProperty("status").GetString() == "confirmed").Select(p => p.Id()).ToHashSet();
        Assert.Equal(20, inWorkshop.Count);
        Assert.Superset(waiting.Take(5).Select(r => r.Id).ToHashSet(), inWorkshop);
        Assert.Equal(Enumerable.Range(1, 25), waiting.Skip(5).Select(r => SessionOf(after[r.Id], workshop).GetProperty("position").GetInt32()));
        Assert.Equal(45, after.Count);
    }

    private async Task<Registered[]> RegisterConcurrentlyAsync(Guid eventId, int count, params Guid[] sessions)
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        using var start = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, count).Select(async i =>
        {
            var client = factory.Anonymous();
            await start.WaitAsync();
            return await client.RegisterAsync(eventId, _tenant, EventRequests.Registrant($"person{i}.{marker}@example.org", sessions));
        }).ToArray();
        start.Release(count);
        var responses = await Task.WhenAll(calls);
        var registered = new List<Registered>();
        foreach (var response in responses)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            registered.Add(new Registered(await response.Content.ReadFromJsonAsync<JsonElement>()));
        }

        var sequences = await Task.WhenAll(registered.Select(r => factory.CountAsync("SELECT sequence FROM registrations WHERE id = @p0", r.Id)));
        return registered.Select((r, i) => r with { Sequence = sequences[i] }).ToArray();
    }

    private static IEnumerable<Guid> ParticipantOrder(JsonElement participants, string status) =>
        participants.EnumerateArray().Where(p => p.GetProperty("status").GetString() == status).Select(p => p.Id());

    private static JsonElement SessionOf(JsonElement participant, Guid session) =>
        participant.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("sessionId").GetGuid() == session);

    private sealed record Registered(JsonElement Body)
    {
        public long Sequence { get; init; }
        public Guid Id => Body.Id();
        public string? Status => Body.GetProperty("status").GetString();
        public int? Position => Body.GetProperty("position").ValueKind == JsonValueKind.Number ? Body.GetProperty("position").GetInt32() : null;
        public string CancelToken => Body.GetProperty("cancelToken").GetString()!;

        public string? SessionStatus(Guid session) => SessionOf(Body, session).GetProperty("status").GetString();

        public int? SessionPosition(Guid session) =>
            SessionOf(Body, session).GetProperty("position") is { ValueKind: JsonValueKind.Number } position ? position.GetInt32() : null;
    }
}
