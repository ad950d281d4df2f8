using System.Text.Json;

namespace KimPlatform.Web.Gateway;

/// <summary>The case page's forms as the case service's calls, each with its declared body.</summary>
public static class CaseActions
{
    public static Task<ApiResult<JsonElement>> SendAsync(GatewayClient gateway, Guid id, string action, IFormCollection form, string ifMatch) => action switch
    {
        "assessment" => gateway.SendAsync(GatewayApi.RecordAssessment, new AssessmentRequest(
            Rows(form, "needArea", "needText").Select(row => new NeedRequest(row[0], row[1])).ToArray()), [id], ifMatch: ifMatch),
        "plan" => gateway.SendAsync(GatewayApi.AgreePlan, new PlanRequest(
            Rows(form, "goalArea", "goalText", "goalDue").Select(row => new GoalRequest(row[0], row[1], Blank(row[2]))).ToArray()), [id], ifMatch: ifMatch),
        "monitoring" => gateway.SendAsync(GatewayApi.StartMonitoring, new EmptyBody(), [id], ifMatch: ifMatch),
        "close" => gateway.SendAsync(GatewayApi.CloseCase, new CloseRequest(Text(form, "reason"), Text(form, "outcome")), [id], ifMatch: ifMatch),
        "reopen" => gateway.SendAsync(GatewayApi.ReopenCase, new EmptyBody(), [id], ifMatch: ifMatch),
        "progress" => gateway.SendAsync(GatewayApi.RecordGoalProgress, new GoalProgressRequest(Text(form, "status"), Text(form, "note")),
            [id, Text(form, "goalId") ?? ""], ifMatch: ifMatch),
        "contacts" => gateway.SendAsync(GatewayApi.LogContact,
            new ContactRequest(Text(form, "date"), Text(form, "channel"), Text(form, "note")), [id], ifMatch: ifMatch),
        "findings" => gateway.SendAsync(GatewayApi.ReportFinding,
            new FindingRequest(Text(form, "lifeArea"), Text(form, "theme"), Text(form, "description")), [id], ifMatch: ifMatch),
        "consents" => gateway.SendAsync(GatewayApi.GiveConsent, new ConsentRequest(
            Text(form, "purpose"),
            Text(form, "recipient") is { } organisation ? [new RecipientRequest(organisation)] : [],
            [.. form["dataCategories"].OfType<string>()],
            Text(form, "language"),
            Text(form, "form"),
            Text(form, "validUntil")), [id], ifMatch: ifMatch),
        "referrals" => gateway.SendAsync(GatewayApi.RequestReferral, Referral(form), [id], ifMatch: ifMatch),
        _ => throw new BadHttpRequestException($"Unknown case action '{action}'."),
    };

    private static ReferralRequest Referral(IFormCollection form)
    {
        var choice = Text(form, "offer")?.Split('|');
        return new ReferralRequest(
            choice is [var offer, _] && Guid.TryParse(offer, out var id) ? id : null,
            choice is [_, var partner] ? partner : null,
            Text(form, "note"));
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
