using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests.Security;

/// <summary>
/// The well-formed half of issue 11's bad-input corpus: SQL- and script-like strings, Arabic, Cyrillic, emoji, zero-width
/// and right-to-left control characters in every string field of every write operation, nulls, missing fields, a byte
/// order mark, enum values in upper case. A service may accept or refuse them, but never with a 500; and what it stores,
/// it gives back unchanged.
/// </summary>
public sealed class HostileStringTests(SeededTenant seeded) : IClassFixture<SeededTenant>
{
    private static readonly string[] AllRoles = ["case_manager", "coordinator", "partner_staff", "tenant_admin"];

    [Fact]
    public async Task EveryWriteOperation_HostileButWellFormedBodies_NeverGetA5xx()
    {
        var operations = await RequestSchema.WriteOperationsAsync();
        var requests = operations.SelectMany(operation => BadInputCorpus.Hostile(operation, CorpusPaths.Fill(operation, seeded),
            CorpusPaths.IfMatch(operation, seeded), ValidBody(operation.ToString()))).ToArray();

        var answers = await CorpusClient.SendAllAsync(requests, seeded);

        var failures = answers
            .Where(answer => answer.Status >= 500 || (answer.Status >= 400 && answer.MediaType != "application/problem+json"))
            .Select(answer => $"{answer.Request} via {(answer.ViaGateway ? "gateway" : "service")} → {answer.Status} {answer.MediaType}: " +
                $"{answer.Body[..Math.Min(300, answer.Body.Length)]}")
            .Order(StringComparer.Ordinal).ToArray();
        TestContext.Current.TestOutputHelper?.WriteLine($"hostile strings: {answers.Count} requests, " +
            $"{answers.Count(answer => answer.Status < 300)} accepted, {answers.Count(answer => answer.Status is >= 400 and < 500)} refused, " +
            $"{failures.Length} failed");
        Assert.True(answers.Count > 200, $"Only {answers.Count} requests.");
        Assert.True(failures.Length == 0, string.Join('\n', failures.Take(60)));
    }

    public static TheoryData<string> Strings() => [.. BadInputCorpus.HostileStrings];

    [Theory]
    [MemberData(nameof(Strings))]
    public async Task StoredText_HostileOrForeignScript_RoundTripsUnchanged(string text)
    {
        using var caseManager = Client(seeded.CaseOrganisation);
        using var staff = Client(seeded.PartnerOrganisation);
        using var coordinator = Client("kreis-kim");
        var stored = new List<(string What, HttpResponseMessage Created, Func<JsonElement, string?> Read)>();

        var person = ValidBody("POST /api/cases")!;
        person["person"]!["familyName"] = text;
        person["person"]!["household"] = new JsonArray(new JsonObject { ["relation"] = "child", ["givenName"] = text, ["birthYear"] = 2015 });
        stored.Add(("case", await caseManager.PostAsJsonAsync("/api/cases", person),
            body => body.GetProperty("person").GetProperty("familyName").GetString()));

        var offer = ValidBody("POST /api/partners/offers")!;
        offer["title"]!["ar"] = text;
        offer["description"]!["ar"] = text;
        stored.Add(("offer", await staff.PostAsJsonAsync("/api/partners/offers", offer), body => body.GetProperty("title").GetProperty("ar").GetString()));

        var meeting = ValidBody("POST /api/events")!;
        meeting["title"] = text;
        meeting["venue"] = text;
        stored.Add(("event", await coordinator.PostAsJsonAsync("/api/events", meeting), body => body.GetProperty("venue").GetString()));

        // Letters of any script, emoji and characters SQL, HTML or a template engine would treat specially are text like
        // any other: refusing them would shut out names and offers. Invisible control characters may be refused.
        var mayRefuse = text.Any(character => char.GetUnicodeCategory(character) == System.Globalization.UnicodeCategory.Format);
        foreach (var (what, created, read) in stored)
        {
            using var response = created;
            if (mayRefuse && response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity)
            {
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var client = what switch { "case" => caseManager, "offer" => staff, _ => coordinator };
            var again = await client.GetFromJsonAsync<JsonElement>(response.Headers.Location);
            Assert.Equal(text, read(again));
        }
    }

    // Bodies the services accept, as the walk-throughs send them; the corpus changes one field at a time.
    private JsonNode? ValidBody(string operation) => operation switch
    {
        "POST /api/cases" => JsonNode.Parse("""
            { "person": { "givenName": "Olena", "familyName": "Kovalenko", "birthDate": "1988-04-12", "languages": ["uk"],
                          "residenceStatus": "temporary-protection", "municipality": "Rietberg" },
              "targetGroups": ["women"], "reachability": "medium" }
            """),
        "POST /api/partners/offers" => JsonNode.Parse("""
            { "organisationId": "ORGANISATION", "title": { "de": "Müttercafé", "ar": "مقهى الأمهات" },
              "description": { "de": "Deutsch lernen.", "ar": "تعلّم الألمانية" },
              "topics": ["language"], "targetGroups": ["women"], "languages": ["de", "ar"], "municipalities": ["Rietberg"],
              "capacity": 12, "published": false, "schedule": { "byAppointment": true } }
            """.Replace("ORGANISATION", seeded.PartnerOrganisation, StringComparison.Ordinal)),
        "POST /api/events" => JsonNode.Parse("""
            { "title": "Lenkungsrunde", "format": "steering-meeting", "startsAt": "2031-03-28T17:00:00+01:00",
              "endsAt": "2031-03-28T19:00:00+01:00", "venue": "Kreishaus", "capacity": 20, "sessions": [],
              "languages": ["de"], "public": false }
            """),
        "POST /api/cases/duplicate-check" => JsonNode.Parse("""{ "givenName": "Olena", "familyName": "Kovalenko", "birthDate": "1988-04-12" }"""),
        _ => null,
    };

    private HttpClient Client(string organisation)
    {
        var client = new HttpClient { BaseAddress = TestEnvironment.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", CraftedTokens.Valid(seeded.Tenant, organisation, AllRoles));
        return client;
    }
}
