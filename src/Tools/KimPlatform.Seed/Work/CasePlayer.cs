using System.Collections.Concurrent;
using System.Globalization;
using KimPlatform.Seed.Api;

namespace KimPlatform.Seed.Work;

/// <summary>Plays one case script as its case manager would: each step with the ETag of the step before.</summary>
internal sealed class CasePlayer(KimApi api, SeedSummary summary, ConcurrentBag<PendingReferral> referrals)
{
    public async Task PlayAsync(CaseScript script, Caller caseManager, CancellationToken cancellationToken)
    {
        var p = script.Person;
        var opened = await api.PostAsync(caseManager, "/api/cases", new
        {
            person = new
            {
                givenName = p.GivenName, familyName = p.FamilyName, birthDate = Day(p.BirthDate), gender = p.Gender, nationality = p.Nationality,
                languages = p.Languages, residenceStatus = p.ResidenceStatus, arrivalDate = Day(p.ArrivalDate), municipality = script.Municipality,
                household = p.Household.Select(m => new { relation = m.Relation, givenName = m.GivenName, birthYear = m.BirthYear }),
            },
            targetGroups = script.TargetGroups,
            reachability = script.Reachability,
        }, cancellationToken: cancellationToken);
        var path = $"/api/cases/{opened.Id}";
        var etag = opened.ETag;
        Count("cases");
        Count($"cases in phase {Phases[script.Phase]}");

        async Task<ApiAnswer> Step(string step, object body)
        {
            var answer = await api.PostAsync(caseManager, $"{path}/{step}", body, etag, cancellationToken);
            etag = answer.ETag ?? etag;
            return answer;
        }

        foreach (var contact in script.Contacts)
        {
            await Step("contacts", new { date = contact.Date, channel = contact.Channel, note = contact.Note });
            Count("contacts");
        }

        if (script.Phase < CaseScript.Assessment)
        {
            return;
        }

        await Step("assessment", new { needs = script.Needs.Select(n => new { lifeArea = n.LifeArea, description = n.Description }) });
        Count("needs", script.Needs.Length);

        if (script.Referral is { } referral)
        {
            await Step("consents", new
            {
                purpose = "Vermittlung an ein Angebot des Netzwerks", form = referral.Form, language = referral.ConsentLanguage,
                recipients = new[] { new { organisationId = referral.Partner } }, dataCategories = referral.DataCategories,
            });
            Count("consents");
            var requested = await Step("referrals", new { offerId = referral.OfferId, partnerOrganisationId = referral.Partner });
            referrals.Add(new PendingReferral(requested.Id, referral.Partner, referral.Answer));
            Count("referrals");
        }

        if (script.Finding is { } finding)
        {
            await Step("findings", new { lifeArea = finding.LifeArea, theme = finding.Theme, description = finding.Description });
            Count("structural findings");
        }

        if (script.Phase < CaseScript.Plan)
        {
            return;
        }

        var planned = await Step("plan", new
        {
            goals = script.Goals.Select(g => new
            {
                lifeArea = g.LifeArea, description = g.Description,
                dueDate = Day(DateOnly.FromDateTime(DateTime.Today).AddMonths(g.Months)),
            }),
        });
        Count("goals", script.Goals.Length);
        if (script.Phase < CaseScript.Monitoring)
        {
            return;
        }

        await Step("monitoring", new { });
        var goalIds = planned.Body.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("id").GetGuid()).ToList();
        foreach (var (goal, id) in script.Goals.Zip(goalIds).Where(pair => pair.First.Status != "open"))
        {
            await Step($"goals/{id}/progress", new { status = goal.Status, note = goal.Status == "achieved" ? "Ziel erreicht" : "Ziel nicht mehr verfolgt" });
            Count($"goals {goal.Status}");
        }

        if (script.Closure is { } closure)
        {
            await Step("close", new { reason = closure.Reason, outcome = closure.Outcome });
            Count($"closures {closure.Outcome}");
        }
    }

    private static readonly string[] Phases = ["intake", "assessment", "plan", "monitoring", "closed"];

    private void Count(string kind, int count = 1) => summary.Add(api.Tenant, kind, count);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Partners answer the referrals that reached their inbox: accept, decline, or accept and complete.</summary>
internal sealed class ReferralAnswers(KimApi api, SeedSummary summary)
{
    private static readonly string[] Outcomes = ["Nimmt regelmäßig teil", "Kurs erfolgreich abgeschlossen", "In Arbeit vermittelt", "Beratung abgeschlossen"];
    private static readonly string[] Reasons = ["Der Kurs ist bis März voll", "Nicht zuständig, bitte an die Migrationsberatung wenden", "Termin wurde nicht wahrgenommen"];

    public async Task AnswerAsync(PendingReferral referral, Caller staff, int index, CancellationToken cancellationToken)
    {
        var path = $"/api/partners/referrals/{referral.Id}";
        switch (referral.Answer)
        {
            case "declined":
                await api.PostWhenArrivedAsync(staff, $"{path}/decline", new { reason = Reasons[index % Reasons.Length] }, cancellationToken);
                break;
            case "accepted" or "completed":
                await api.PostWhenArrivedAsync(staff, $"{path}/accept", null, cancellationToken);
                if (referral.Answer == "completed")
                {
                    await api.PostAsync(staff, $"{path}/complete", new { outcome = Outcomes[index % Outcomes.Length] }, cancellationToken: cancellationToken);
                }

                break;
            default:
                return;
        }

        summary.Add(api.Tenant, $"referrals {referral.Answer}");
    }
}
