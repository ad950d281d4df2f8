using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Testing;

namespace KimPlatform.Faults.Tests.Support;

/// <summary>One call of the workload as its client saw it. Status 0: no answer (connection failed or timed out).</summary>
internal sealed record Call(string Operation, int Status, string? RetryAfter, TimeSpan Took, DateTimeOffset At);

/// <summary>
/// Real writes through the gateway for a tenant of its own, by several clients at once: cases opened, referrals made
/// (after a consent naming the partner) and registrations for an event. It remembers every call and every write the
/// platform acknowledged, so a test can count them afterwards in every database.
/// </summary>
internal sealed class Workload
{
    private readonly ConcurrentQueue<Call> _calls = new();
    private readonly HttpClient _coordinator;
    private string? _partner;
    private Guid? _event;

    private Workload(string tenant)
    {
        Tenant = tenant;
        _coordinator = Coordinator();
    }

    public string Tenant { get; }

    public IReadOnlyList<Call> Calls => _calls.ToArray();

    public ConcurrentQueue<Guid> Cases { get; } = new();

    public ConcurrentQueue<Guid> Referrals { get; } = new();

    public ConcurrentQueue<Guid> Registrations { get; } = new();

    /// <summary>
    /// A new tenant with what referrals and registrations need: a partner organisation the case service has learnt of
    /// (over the broker) and a public event with room for everyone.
    /// </summary>
    public static Task<Workload> PrepareAsync(bool referrals = true, bool registrations = true) =>
        PrepareAsync(TestEnvironment.NewTenant("kreis-fault"), referrals, registrations);

    public static async Task<Workload> PrepareAsync(string tenant, bool referrals = true, bool registrations = true)
    {
        var workload = new Workload(tenant);
        if (referrals)
        {
            var partner = $"caritas-{Guid.NewGuid():N}"[..20];
            var registered = await workload._coordinator.PostAsJsonAsync("/api/partners/organisations", new
            {
                id = partner, name = "Caritas Rietberg", kind = "welfare", legalDomains = new[] { "sgb-ii" }, languages = new[] { "de" },
            });
            Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
            Assert.Equal(1, await Eventually.GetAsync(
                () => Platform.CountAsync("casesdb", "SELECT count(*) FROM known_organisations WHERE tenant_id = @p0 AND organisation_id = @p1",
                    workload.Tenant, partner),
                count => count == 1));
            workload._partner = partner;
        }

        if (registrations)
        {
            var scheduled = await workload._coordinator.PostAsJsonAsync("/api/events", new
            {
                title = "Sprachcafé", format = "world-cafe", startsAt = "2030-03-28T17:00:00+01:00", endsAt = "2030-03-28T20:00:00+01:00",
                venue = "Stadthalle", capacity = 5000, languages = new[] { "de" }, @public = true,
            });
            Assert.True(scheduled.StatusCode == HttpStatusCode.Created, await scheduled.Content.ReadAsStringAsync());
            workload._event = (await scheduled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        }

        return workload;
    }

    /// <summary>Writes with <paramref name="clients"/> clients until <paramref name="stop"/>; a call under way is finished, never abandoned.</summary>
    public Task RunAsync(int clients, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientAsync(stop))));

    /// <summary>Opens <paramref name="count"/> cases one after the other.</summary>
    public async Task OpenCasesAsync(int count)
    {
        using var caseManager = CaseManager();
        for (var i = 0; i < count; i++)
        {
            Assert.NotNull(await OpenCaseAsync(caseManager));
        }
    }

    // Each client is a user of its own, as real users are: the gateway limits each user to 1,200 calls a minute.
    private HttpClient CaseManager() => Platform.Gateway(Tenant, "stadt-rietberg", "case_manager");

    private HttpClient Coordinator() => Platform.Gateway(Tenant, "kreis-kim", "coordinator");

    private async Task ClientAsync(CancellationToken stop)
    {
        using var caseManager = CaseManager();
        using var coordinator = Coordinator();
        while (!stop.IsCancellationRequested)
        {
            var opened = await OpenCaseAsync(caseManager);
            if (opened is { } @case && _partner is not null)
            {
                await ReferAsync(caseManager, @case.Id, @case.ETag);
            }

            if (_event is { } networkEvent)
            {
                var registered = await SendAsync("register", coordinator, HttpMethod.Post, $"/api/events/{networkEvent}/registrations?tenant={Tenant}", new
                {
                    name = "Test Person", email = $"{Guid.NewGuid():N}@example.org", participantGroup = "newcomer", processingConsent = true,
                });
                if (registered.Created is { } registration)
                {
                    Registrations.Enqueue(registration.Id);
                }
            }
        }
    }

    private async Task<(Guid Id, string ETag)?> OpenCaseAsync(HttpClient caseManager)
    {
        var opened = await SendAsync("open case", caseManager, HttpMethod.Post, "/api/cases", new
        {
            person = new
            {
                givenName = "Ahmad", familyName = "Haidari", birthDate = "1999-07-01", languages = new[] { "fa" },
                residenceStatus = "asylum-seeker", municipality = "Rietberg",
            },
            targetGroups = new[] { "young-adults" },
            reachability = "low",
        });
        if (opened.Created is not { } created)
        {
            return null;
        }

        Cases.Enqueue(created.Id);
        return created;
    }

    private async Task ReferAsync(HttpClient caseManager, Guid caseId, string etag)
    {
        var consent = await SendAsync("give consent", caseManager, HttpMethod.Post, $"/api/cases/{caseId}/consents", new
        {
            purpose = "Referral", recipients = new[] { new { organisationId = _partner } }, dataCategories = new[] { "identity" },
            form = "written", language = "de",
        }, etag);
        if (consent.Created is not { } given)
        {
            return;
        }

        var referral = await SendAsync("refer", caseManager, HttpMethod.Post, $"/api/cases/{caseId}/referrals",
            new { offerId = Guid.NewGuid(), partnerOrganisationId = _partner }, given.ETag);
        if (referral.Created is { } made)
        {
            Referrals.Enqueue(made.Id);
        }
    }

    /// <summary>One call; <c>Created</c> holds the new resource's id (and the case's ETag) when the answer was 201.</summary>
    private async Task<(int Status, (Guid Id, string ETag)? Created)> SendAsync(
        string operation, HttpClient client, HttpMethod method, string path, object body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            _calls.Enqueue(new Call(operation, status, response.Headers.RetryAfter?.ToString(), clock.Elapsed, DateTimeOffset.UtcNow));
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return (status, null);
            }

            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            return (status, (id, response.Headers.ETag?.Tag ?? ifMatch ?? ""));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            _calls.Enqueue(new Call(operation, 0, null, clock.Elapsed, DateTimeOffset.UtcNow));
            return (0, null);
        }
    }
}
