using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>
/// A tenant with one resource of each kind the matrix can address (a case, a partner organisation, an unpublished
/// offer, a working group, an internal event), every one carrying <see cref="Marker"/>, so a leak shows in any body.
/// </summary>
public sealed class SeededTenant : IAsyncLifetime
{
    public string Tenant { get; } = TestEnvironment.NewTenant("kreis-sec");
    public string Marker { get; } = $"Zq{Guid.NewGuid():N}"[..14];
    public string CaseOrganisation { get; } = "stadt-sec-a";
    public string PartnerOrganisation { get; } = $"partner-{Guid.NewGuid():N}"[..20];
    public string CaseMarker => $"{Marker}Case";

    public Guid CaseId { get; private set; }
    public string CaseETag { get; private set; } = "\"1\"";
    public Guid OfferId { get; private set; }
    public Guid BodyId { get; private set; }
    public Guid EventId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        using var coordinator = Client(Tenant, "kreis-kim", "coordinator");
        using var staff = Client(Tenant, PartnerOrganisation, "partner_staff");
        using var caseManager = Client(Tenant, CaseOrganisation, "case_manager");

        await CreatedAsync(coordinator.PostAsJsonAsync("/api/partners/organisations", new
        {
            id = PartnerOrganisation, name = $"{Marker} Beratung", kind = "welfare", legalDomains = new[] { "sgb-ii" }, languages = new[] { "de" },
        }));
        OfferId = await IdAsync(await CreatedAsync(staff.PostAsJsonAsync("/api/partners/offers", new
        {
            title = new Dictionary<string, string> { ["de"] = $"{Marker} Sprachcafé" },
            description = new Dictionary<string, string> { ["de"] = $"{Marker} intern" },
            topics = new[] { "language" }, targetGroups = new[] { "women" }, languages = new[] { "de" }, municipalities = new[] { "Verl" },
            location = new { name = "Pfarrheim", city = "Verl", latitude = 51.88, longitude = 8.51 },
            schedule = new { byAppointment = true, hours = Array.Empty<object>() },
            published = false,
        })));
        BodyId = await IdAsync(await CreatedAsync(coordinator.PostAsJsonAsync("/api/partners/bodies", new
        {
            kind = "steering-committee", name = $"{Marker} Lenkungskreis", topics = new[] { "language" }, openForSignup = false,
            members = new[] { new { organisationId = PartnerOrganisation, representative = $"{Marker} Vertretung", deputy = "Herr Yilmaz" } },
        })));
        EventId = await IdAsync(await CreatedAsync(coordinator.PostAsJsonAsync("/api/events", new
        {
            title = $"{Marker} Lenkungsrunde", format = "steering-meeting", startsAt = "2031-03-28T17:00:00+01:00",
            endsAt = "2031-03-28T19:00:00+01:00", venue = $"{Marker} Kreishaus", capacity = 20, sessions = Array.Empty<object>(),
            languages = new[] { "de" }, @public = false,
        })));

        var opened = await CreatedAsync(caseManager.PostAsJsonAsync("/api/cases", new
        {
            person = new
            {
                givenName = "Dilan", familyName = CaseMarker, birthDate = "1994-02-03", languages = new[] { "ku", "de" },
                residenceStatus = "asylum-seeker", municipality = "Verl",
            },
            targetGroups = new[] { "women" },
            reachability = "medium",
        }));
        CaseId = await IdAsync(opened);
        CaseETag = opened.Headers.ETag?.Tag ?? CaseETag;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A value for a path parameter: the seeded resource the segment before it names, else an id nobody has.</summary>
    public string PathValue(string path, string parameter)
    {
        var before = path[..path.IndexOf($"{{{parameter}}}", StringComparison.Ordinal)].TrimEnd('/');
        var segment = before[(before.LastIndexOf('/') + 1)..];
        return segment switch
        {
            "cases" => CaseId.ToString(),
            "organisations" => PartnerOrganisation,
            "offers" => OfferId.ToString(),
            "bodies" => BodyId.ToString(),
            "events" => EventId.ToString(),
            _ when parameter.Contains("year", StringComparison.OrdinalIgnoreCase) => "2026",
            _ => Guid.NewGuid().ToString(),
        };
    }

    /// <summary>Whether the path addresses one of the seeded resources (rather than a list, or an id nobody has).</summary>
    public bool AddressesSeededResource(string path) =>
        new[] { CaseId.ToString(), PartnerOrganisation, OfferId.ToString(), BodyId.ToString(), EventId.ToString() }
            .Any(value => path.Contains(value, StringComparison.Ordinal));

    private static HttpClient Client(string tenant, string organisation, string role)
    {
        var client = new HttpClient { BaseAddress = TestEnvironment.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CraftedTokens.Valid(tenant, organisation, role));
        return client;
    }

    private static async Task<HttpResponseMessage> CreatedAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.IsSuccessStatusCode,
            $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
}
