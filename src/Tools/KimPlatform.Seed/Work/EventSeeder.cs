using System.Globalization;
using KimPlatform.Seed.Api;
using KimPlatform.Seed.County;

namespace KimPlatform.Seed.Work;

/// <summary>
/// A World Café on the day (registration still open, people checked in, tables' results, feedback) and a Fachtag in a
/// few weeks, both booked beyond capacity so that waiting lists show. The coordination enters the registrations, as it
/// would from a paper list, so the per-address limit of anonymous registration does not slow the seed down.
/// </summary>
internal sealed class EventSeeder(KimApi api, SeedSummary summary, People people, Random random)
{
    private static readonly string[] Helpers = ["Anna Schulte", "Jonas Westerwelle", "Maria Brinkmann", "Thomas Hüffer", "Petra Kleinemeier",
        "Klaus Bökamp", "Sabine Tiemann", "Lena Pöppelbaum", "Frank Niermann", "Ute Strothmann", "Ralf Ostermann", "Claudia Wiesbrock"];

    public async Task SeedAsync(CountyPlan county, Caller coordinator, int size, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.Now;
        var cafeCapacity = Math.Clamp(size / 6, 6, 36);
        var cafe = await ScheduleAsync(coordinator, new
        {
            title = $"World Café: Ankommen im {county.Name}", format = "world-cafe",
            startsAt = Stamp(now.AddHours(-1)), endsAt = Stamp(now.AddHours(2)),
            registrationOpensAt = Stamp(now.AddDays(-21)), registrationClosesAt = Stamp(now.AddHours(2)),
            venue = county.Venue, capacity = cafeCapacity, languages = new[] { "de", "uk", "ar", "fa" }, @public = true,
            sessions = new[] { "Tisch 1: Arbeit und Ausbildung", "Tisch 2: Deutsch lernen", "Tisch 3: Wohnen" }
                .Select(title => new { title, capacity = Math.Max(2, cafeCapacity / 3) }),
        }, cancellationToken);
        var confirmed = await RegisterAsync(coordinator, cafe, cafeCapacity + Math.Max(2, cafeCapacity / 5), cancellationToken);

        foreach (var (registration, index) in confirmed.Select((r, i) => (r, i)))
        {
            if (index % 4 == 3)
            {
                continue; // about a quarter did not come
            }

            await api.PostAsync(coordinator, $"/api/events/{cafe.Id}/checkins", new { registrationId = registration.Id }, cancellationToken: cancellationToken);
            summary.Add(api.Tenant, "check-ins");
            if (index % 3 == 0)
            {
                await api.PostAsync(Caller.Public, $"/api/events/{cafe.Id}/feedback?tenant={api.Tenant}", new
                {
                    registrationId = registration.Id, token = registration.Token, rating = people.PickWeighted(new[] { (5, 5), (4, 6), (3, 2), (2, 1) }),
                    good = people.Pick(new[] { "Viele Kontakte geknüpft", "Gute Dolmetscher", "Offene Atmosphäre" }),
                    improve = people.Pick(new[] { "Mehr Zeit pro Tisch", "Kinderbetreuung früher ankündigen", "Bessere Busanbindung" }),
                }, cancellationToken: cancellationToken);
                summary.Add(api.Tenant, "feedback answers");
            }
        }

        foreach (var (session, topics, text) in cafe.Sessions.Zip(Harvest, (s, h) => (s, h.Topics, h.Text)))
        {
            await api.PostAsync(coordinator, $"/api/events/{cafe.Id}/results", new { sessionId = session, round = 1, topics, text }, cancellationToken: cancellationToken);
            summary.Add(api.Tenant, "event results");
        }

        var dayCapacity = Math.Clamp(size / 4, 8, 60);
        var fachtag = await ScheduleAsync(coordinator, new
        {
            title = $"Fachtag Integration {county.Name}: Arbeit, Sprache, Teilhabe", format = "conference",
            startsAt = Stamp(now.Date.AddDays(28).AddHours(9)), endsAt = Stamp(now.Date.AddDays(28).AddHours(16)),
            venue = county.Venue, capacity = dayCapacity, languages = new[] { "de" }, @public = true,
            sessions = new[] { "Workshop A: Anerkennung beschleunigen", "Workshop B: Sprachkurse im ländlichen Raum" }
                .Select(title => new { title, capacity = Math.Max(2, dayCapacity / 2) }),
        }, cancellationToken);
        var registered = await RegisterAsync(coordinator, fachtag, dayCapacity + Math.Max(2, dayCapacity / 6), cancellationToken);
        foreach (var cancelled in registered.Take(2))
        {
            await api.PostAsync(Caller.Public, $"/api/events/{fachtag.Id}/registrations/{cancelled.Id}/cancel?tenant={api.Tenant}",
                new { cancelToken = cancelled.Token }, cancellationToken: cancellationToken);
            summary.Add(api.Tenant, "registrations cancelled");
        }
    }

    private static readonly (string[] Topics, string Text)[] Harvest =
    [
        (["Anerkennung", "Praktika"], "Anerkennungsverfahren dauern zu lange; mehrere Betriebe bieten Praktika an."),
        (["Sprachkurse", "Kinderbetreuung"], "Kurse am Abend fehlen; Kinderbetreuung während der Kurse wird dringend gebraucht."),
        (["Wohnen"], "Große Familien finden kaum Wohnungen; ein Runder Tisch mit Vermietern wird vorgeschlagen."),
    ];

    private sealed record ScheduledEvent(Guid Id, Guid[] Sessions);

    private sealed record Registered(Guid Id, string Token);

    private async Task<ScheduledEvent> ScheduleAsync(Caller coordinator, object body, CancellationToken cancellationToken)
    {
        var answer = await api.PostAsync(coordinator, "/api/events", body, cancellationToken: cancellationToken);
        summary.Add(api.Tenant, "events");
        return new ScheduledEvent(answer.Id, answer.Body.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToArray());
    }

    /// <summary>Registers <paramref name="count"/> people; returns the confirmed ones in order.</summary>
    private async Task<List<Registered>> RegisterAsync(Caller coordinator, ScheduledEvent scheduled, int count, CancellationToken cancellationToken)
    {
        var confirmed = new List<Registered>();
        for (var i = 0; i < count; i++)
        {
            var group = people.PickWeighted(new[] { ("newcomer", 5), ("volunteer", 2), ("professional", 3) });
            string name;
            string? interpreter = null;
            if (group == "newcomer")
            {
                var person = people.Next();
                name = $"{person.GivenName} {person.FamilyName}";
                interpreter = person.Languages[0] is "uk" or "ar" or "fa" && random.NextDouble() < 0.5 ? person.Languages[0] : null;
            }
            else
            {
                name = people.Pick(Helpers);
            }

            var answer = await api.PostAsync(coordinator, $"/api/events/{scheduled.Id}/registrations", new
            {
                name, email = $"teilnahme-{i + 1}@{scheduled.Id:N}.example.org",
                organisation = group == "professional" ? people.Pick(new[] { "Jobcenter", "Caritas", "Stadtverwaltung", "Schule" }) : null,
                participantGroup = group,
                needs = new { interpreterLanguage = interpreter, childcare = group == "newcomer" && random.NextDouble() < 0.2 },
                sessionIds = new[] { people.Pick(scheduled.Sessions) },
                photoConsent = random.NextDouble() < 0.6, processingConsent = true, consentLanguage = "de",
            }, cancellationToken: cancellationToken);
            var status = answer.Text("status");
            summary.Add(api.Tenant, $"registrations {status}");
            if (status == "confirmed")
            {
                confirmed.Add(new Registered(answer.Id, answer.Text("cancelToken")));
            }
        }

        return confirmed;
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Stamp(DateTime at) => Stamp(new DateTimeOffset(at));
}
