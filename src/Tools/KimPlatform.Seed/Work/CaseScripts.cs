using KimPlatform.Seed.County;

namespace KimPlatform.Seed.Work;

/// <summary>Draws the cases of a county: phases, needs, goals, referrals, findings and closures in realistic shares.</summary>
internal sealed class CaseScripts(Random random, People people, DateOnly today)
{
    private static readonly string[] ConsentLanguages = ["de", "en", "ar", "uk", "tr", "fa", "ru"];

    public CaseScript Next(CountyPlan county, IReadOnlyList<(Guid Id, string Organisation, string[] Topics)> offers)
    {
        var person = people.Next();
        var age = today.Year - person.BirthDate.Year;
        var phase = people.PickWeighted(new[] { (CaseScript.Intake, 12), (CaseScript.Assessment, 15), (CaseScript.Plan, 18), (CaseScript.Monitoring, 30), (CaseScript.Closed, 25) });
        var caseManagers = county.Organisations.Where(o => o.CaseManagement).ToList();

        var needs = phase >= CaseScript.Assessment
            ? CaseTexts.Needs.Keys.OrderBy(_ => random.Next()).Take(random.Next(1, 4))
                .Select(area => (area, people.Pick(CaseTexts.Needs[area]))).ToArray()
            : [];
        var goals = phase >= CaseScript.Plan
            ? needs.Select(need => (need.area, people.Pick(CaseTexts.Goals[need.area]), random.Next(3, 18),
                phase < CaseScript.Monitoring ? "open" : people.PickWeighted(new[] { ("achieved", phase == CaseScript.Closed ? 6 : 3), ("open", 4), ("dropped", 1) })))
                .ToArray()
            : [];

        ReferralScript? referral = null;
        if (needs.Length > 0 && random.NextDouble() < 0.65)
        {
            var topic = CaseTexts.Topic(needs[0].area);
            var matching = offers.Where(o => o.Topics.Contains(topic)).ToList();
            var offer = people.Pick(matching.Count > 0 ? matching : offers);
            var language = person.Languages.FirstOrDefault(ConsentLanguages.Contains) ?? "de";
            referral = new ReferralScript(offer.Id, offer.Organisation, language,
                random.NextDouble() < 0.5 ? ["identity", "needs"] : ["identity", "languages", "needs"],
                random.NextDouble() < 0.8 ? "written" : "electronic",
                people.PickWeighted(new[] { ("completed", 4), ("accepted", 3), ("declined", 2), ("requested", 2) }));
        }

        var contacts = Enumerable.Range(0, phase + random.Next(0, 2))
            .Select(_ => people.Pick(CaseTexts.Contacts))
            .Select(c => (today.AddDays(-random.Next(0, 120)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Channel, c.Note))
            .ToArray();

        (string, string)? closure = phase == CaseScript.Closed
            ? goals.All(g => g.Item4 == "achieved")
                ? ("goals-achieved", "achieved")
                : people.PickWeighted(new[]
                {
                    (("goals-achieved", "partially-achieved"), 4), (("moved-away", "partially-achieved"), 2), (("no-longer-reachable", "not-achieved"), 2),
                    (("handed-over", "partially-achieved"), 1), (("person-declined", "not-achieved"), 1),
                })
            : null;

        var targetGroups = new List<string>();
        if (age < 18) targetGroups.Add("youth");
        else if (age < 27) targetGroups.Add("young-adults");
        if (age >= 60) targetGroups.Add("seniors");
        if (person.Gender == "female" && random.NextDouble() < 0.6) targetGroups.Add("women");
        if (person.Household.Any(m => m.Relation == "child")) targetGroups.Add("families");
        if (today.DayNumber - person.ArrivalDate.DayNumber < 365) targetGroups.Add("newly-arrived");
        if (random.NextDouble() < 0.05) targetGroups.Add("people-with-disabilities");

        var organisation = people.Pick(caseManagers).Id;
        return new CaseScript(
            person, people.PickWeighted(county.Municipalities.Select(m => (m.Municipality, m.Weight))), organisation, random.Next(0, 2),
            [.. targetGroups], people.PickWeighted(new[] { ("good", 4), ("medium", 4), ("low", 2) }), phase, needs, goals, referral,
            needs.Length > 0 && random.NextDouble() < 0.12 ? people.Pick(CaseTexts.Findings) : null, contacts, closure);
    }
}
