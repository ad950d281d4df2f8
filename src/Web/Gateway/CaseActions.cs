namespace KimPlatform.Web.Gateway;

/// <summary>The case page's forms as the case service's calls: the path under <c>/api/cases/{id}/</c> and the body.</summary>
public static class CaseActions
{
    public static (string Path, object Body) Request(string action, IFormCollection form) => action switch
    {
        "assessment" => ("assessment", new
        {
            needs = Rows(form, "needArea", "needText").Select(row => new { lifeArea = row[0], description = row[1] }).ToArray(),
        }),
        "plan" => ("plan", new
        {
            goals = Rows(form, "goalArea", "goalText", "goalDue").Select(row => new { lifeArea = row[0], description = row[1], dueDate = Blank(row[2]) }).ToArray(),
        }),
        "monitoring" => ("monitoring", new { }),
        "close" => ("close", new { reason = Text(form, "reason"), outcome = Text(form, "outcome") }),
        "reopen" => ("reopen", new { }),
        "progress" => ($"goals/{Text(form, "goalId")}/progress", new { status = Text(form, "status"), note = Text(form, "note") }),
        "contacts" => ("contacts", new { date = Text(form, "date"), channel = Text(form, "channel"), note = Text(form, "note") }),
        "findings" => ("findings", new { lifeArea = Text(form, "lifeArea"), theme = Text(form, "theme"), description = Text(form, "description") }),
        "consents" => ("consents", new
        {
            purpose = Text(form, "purpose"),
            recipients = Text(form, "recipient") is { } organisation ? new[] { new { organisationId = organisation } } : [],
            dataCategories = form["dataCategories"].ToArray(),
            language = Text(form, "language"),
            form = Text(form, "form"),
            validUntil = Text(form, "validUntil"),
        }),
        "referrals" => ("referrals", Referral(form)),
        _ => throw new BadHttpRequestException($"Unknown case action '{action}'."),
    };

    private static object Referral(IFormCollection form)
    {
        var choice = Text(form, "offer")?.Split('|');
        return new
        {
            offerId = choice is [var offer, _] && Guid.TryParse(offer, out var id) ? id : (Guid?)null,
            partnerOrganisationId = choice is [_, var partner] ? partner : null,
            note = Text(form, "note"),
        };
    }

    // Repeated rows of a form (needArea/needText…) whose text field is filled in.
    private static IEnumerable<string?[]> Rows(IFormCollection form, string key, params string[] others)
    {
        var first = form[key];
        for (var i = 0; i < first.Count; i++)
        {
            var row = new[] { first[i] }.Concat(others.Select(other => i < form[other].Count ? form[other][i] : null)).ToArray();
            if (!string.IsNullOrWhiteSpace(row[1]))
            {
                yield return row;
            }
        }
    }

    private static string? Text(IFormCollection form, string key) => Blank(form[key].ToString());

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
