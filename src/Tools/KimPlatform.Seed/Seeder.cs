using System.Collections.Concurrent;
using System.Net;
using KimPlatform.Seed.Api;
using KimPlatform.Seed.County;
using KimPlatform.Seed.Work;

namespace KimPlatform.Seed;

/// <summary>
/// Seeds each county through the gateway: organisations and their offers, cases in every phase with consents,
/// referrals and the partners' answers, and the county's events. A county whose coordination (ki-…) is already
/// registered counts as seeded and is left alone; the coordination is registered last, so an interrupted run is
/// finished by the next one.
/// </summary>
public static class Seeder
{
    public static async Task<SeedSummary> RunAsync(SeedOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        using var http = new HttpClient { BaseAddress = options.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        var summary = new SeedSummary();
        var random = new Random(options.RandomSeed);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var people = new People(random, today);
        foreach (var county in Counties.All(options.TenantSuffix))
        {
            var api = new KimApi(http, options.SigningKey, county.Tenant);
            var coordinator = api.As(county.Coordination, "coordinator", $"seed-coordinator-{county.Coordination}", "Koordination KIM");
            if (await api.ExistsAsync(coordinator, $"/api/partners/organisations/{county.Coordination}", cancellationToken))
            {
                await log.WriteLineAsync($"{county.Tenant}: {county.Coordination} is registered already; not seeding it again");
                summary.SkippedTenants.Add(county.Tenant);
                continue;
            }

            var size = Math.Max(5, (int)Math.Round(options.Cases * county.ShareOfCases));
            await log.WriteLineAsync($"{county.Tenant}: organisations and offers");
            var offers = await SeedPartnersAsync(api, county, coordinator, summary, cancellationToken);

            await log.WriteLineAsync($"{county.Tenant}: {size} cases");
            var scripts = new CaseScripts(random, people, today);
            var plays = Enumerable.Range(0, size).Select(_ => scripts.Next(county, offers)).ToList();
            var referrals = new ConcurrentBag<PendingReferral>();
            var player = new CasePlayer(api, summary, referrals);
            await Parallel.ForEachAsync(plays, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                (script, token) => new ValueTask(player.PlayAsync(script, CaseManager(api, script), token)));

            await log.WriteLineAsync($"{county.Tenant}: partners answer {referrals.Count} referrals");
            var answers = new ReferralAnswers(api, summary);
            await Parallel.ForEachAsync(referrals.OrderBy(r => r.Id).Select((r, i) => (r, i)),
                new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken },
                (item, token) => new ValueTask(answers.AnswerAsync(item.r, api.As(item.r.Partner, "partner_staff", $"seed-staff-{item.r.Partner}", "Fachkraft"), item.i, token)));

            await log.WriteLineAsync($"{county.Tenant}: World Café and Fachtag");
            await new EventSeeder(api, summary, people, random).SeedAsync(county, coordinator, size, cancellationToken);

            await RegisterAsync(api, coordinator, county.Organisations.Single(o => o.Id == county.Coordination), summary, cancellationToken);
            summary.SeededTenants.Add(county.Tenant);
        }

        return summary;
    }

    private static Caller CaseManager(KimApi api, CaseScript script) =>
        api.As(script.Organisation, "case_manager", $"seed-{script.Organisation}-cm{script.CaseManager + 1}", $"Fallmanagement {script.CaseManager + 1}");

    private static async Task<List<(Guid Id, string Organisation, string[] Topics)>> SeedPartnersAsync(
        KimApi api, CountyPlan county, Caller coordinator, SeedSummary summary, CancellationToken cancellationToken)
    {
        var offers = new List<(Guid, string, string[])>();
        foreach (var organisation in county.Organisations.Where(o => o.Id != county.Coordination))
        {
            await RegisterAsync(api, coordinator, organisation, summary, cancellationToken);
            var staff = api.As(organisation.Id, "partner_staff", $"seed-staff-{organisation.Id}", "Fachkraft");
            foreach (var offer in organisation.Offers)
            {
                var created = await api.PostAsync(staff, "/api/partners/offers", new
                {
                    title = offer.Title, description = offer.Description, topics = offer.Topics, targetGroups = offer.TargetGroups,
                    languages = offer.Title.Keys, municipalities = county.Municipalities.Select(m => m.Municipality), capacity = offer.Capacity,
                    published = true,
                    location = new
                    {
                        name = organisation.Name, street = organisation.Street, postalCode = organisation.PostalCode, city = organisation.Municipality,
                        latitude = Counties.Coordinates[organisation.Municipality].Latitude, longitude = Counties.Coordinates[organisation.Municipality].Longitude,
                    },
                    schedule = offer.Weekday is null
                        ? new { byAppointment = offer.ByAppointment, hours = Array.Empty<object>() }
                        : new { byAppointment = offer.ByAppointment, hours = new object[] { new { day = offer.Weekday, opens = offer.Opens, closes = offer.Closes } } },
                }, cancellationToken: cancellationToken);
                offers.Add((created.Id, organisation.Id, offer.Topics));
                summary.Add(api.Tenant, "offers");
            }
        }

        return offers;
    }

    private static async Task RegisterAsync(KimApi api, Caller coordinator, OrganisationPlan organisation, SeedSummary summary, CancellationToken cancellationToken)
    {
        var answer = await api.PostOrConflictAsync(coordinator, "/api/partners/organisations", new
        {
            id = organisation.Id, name = organisation.Name, kind = organisation.Kind, legalDomains = organisation.LegalDomains,
            languages = organisation.Languages,
            address = new { street = organisation.Street, postalCode = organisation.PostalCode, city = organisation.Municipality, municipality = organisation.Municipality },
            contacts = new[] { new { name = "Beratung", email = $"kontakt@{organisation.Id}.example.org", languages = organisation.Languages.Take(2) } },
        }, cancellationToken);
        summary.Add(api.Tenant, answer.Status == HttpStatusCode.Conflict ? "organisations (existed)" : "organisations");
    }
}
