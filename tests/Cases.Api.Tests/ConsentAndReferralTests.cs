using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Contracts;
using KimPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class ConsentAndReferralTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    private CaseSession Session(string organisation = "caritas-guetersloh") =>
        new(factory.ClientFor(_tenant, organisation, "case_manager"));

    [Fact]
    public async Task Referral_WithoutConsent_Returns422NamingTheMissingConsent_AndAddsNoReferral()
    {
        var session = Session();
        var id = await session.OpenAsync();

        var response = await session.ChangeAsync(id, "/referrals", Bodies.Referral());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("jobcenter-guetersloh", problem.GetProperty("detail").GetString());
        Assert.Equal("jobcenter-guetersloh", problem.GetProperty("missingConsent").GetProperty("recipient").GetString());
        Assert.Empty((await session.GetAsync(id)).GetProperty("referrals").EnumerateArray());
    }

    [Fact]
    public async Task Referral_WithConsent_Returns201_AndPublishesOnlyTheConsentedData_ThenAfterWithdrawal422()
    {
        await using var tap = await BrokerTap.StartAsync(nameof(ReferralRequested));
        var session = Session();
        var id = await session.OpenAsync();
        await session.ChangeOkAsync(id, "/assessment", Bodies.Assessment);
        var consent = await session.ChangeOkAsync(id, "/consents", Bodies.Consent(categories: ["identity", "languages"]));
        var consentId = consent.GetProperty("id").GetGuid();

        var response = await session.ChangeAsync(id, "/referrals", Bodies.Referral());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var referral = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("requested", referral.GetProperty("status").GetString());
        var referralId = referral.GetProperty("id").GetGuid();

        var published = await Eventually.GetAsync(() => Task.FromResult(tap.Messages), messages =>
            messages.Any(m => m.GetProperty("referralId").GetGuid() == referralId));
        var message = published.Single(m => m.GetProperty("referralId").GetGuid() == referralId);
        Assert.Equal("Kovalenko", message.GetProperty("person").GetProperty("familyName").GetString());
        Assert.Equal(["uk", "ru"], message.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        // Not consented: needs, goals, residence status, household stay in the case service.
        Assert.Equal(JsonValueKind.Null, message.GetProperty("needs").ValueKind);
        Assert.Equal(JsonValueKind.Null, message.GetProperty("goals").ValueKind);
        Assert.Equal(JsonValueKind.Null, message.GetProperty("residenceStatus").ValueKind);
        Assert.Equal(JsonValueKind.Null, message.GetProperty("household").ValueKind);
        Assert.DoesNotContain("B1 course", message.GetRawText());

        await session.ChangeOkAsync(id, $"/consents/{consentId}/withdraw");
        var afterWithdrawal = await session.ChangeAsync(id, "/referrals", Bodies.Referral());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, afterWithdrawal.StatusCode);
        Assert.Single((await session.GetAsync(id)).GetProperty("referrals").EnumerateArray());
    }

    [Fact]
    public async Task Referral_ConsentNamingTheOrganisationKind_CoversAnOrganisationOfThatKind()
    {
        var bus = factory.Services.GetRequiredService<IBus>();
        await bus.Publish(new OrganisationRegistered
        {
            EventId = Guid.NewGuid(), TenantId = _tenant, OccurredAt = DateTimeOffset.UtcNow,
            OrganisationId = "jobcenter-kreis-gt", Name = "Jobcenter Kreis Gütersloh", Kind = "jobcenter", LegalDomains = ["sgb-ii"],
        });
        var session = Session();
        var id = await session.OpenAsync();
        await session.ChangeOkAsync(id, "/consents", Bodies.Consent(recipients: [new { organisationKind = "jobcenter" }]));

        var response = await Eventually.GetAsync(
            async () => await session.ChangeAsync(id, "/referrals", Bodies.Referral("jobcenter-kreis-gt")),
            r => r.StatusCode == HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task PartnerAnswers_AreFollowedOnTheCase_InOrder()
    {
        var session = Session();
        var id = await session.OpenAsync();
        await session.ChangeOkAsync(id, "/consents", Bodies.Consent());
        var referralId = (await (await session.ChangeAsync(id, "/referrals", Bodies.Referral())).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        var bus = factory.Services.GetRequiredService<IBus>();

        await bus.Publish(new ReferralCompleted
        {
            EventId = Guid.NewGuid(), TenantId = _tenant, OccurredAt = DateTimeOffset.UtcNow, Version = 2,
            ReferralId = referralId, CaseId = id, PartnerOrganisationId = "jobcenter-guetersloh", Outcome = "Placed in job coaching",
        });
        // Arrives late: must not move the referral back.
        await bus.Publish(new ReferralAccepted
        {
            EventId = Guid.NewGuid(), TenantId = _tenant, OccurredAt = DateTimeOffset.UtcNow, Version = 1,
            ReferralId = referralId, CaseId = id, PartnerOrganisationId = "jobcenter-guetersloh",
        });

        var referral = await Eventually.GetAsync(
            async () => (await session.GetAsync(id)).GetProperty("referrals")[0],
            r => r.GetProperty("status").GetString() == "completed");
        Assert.Equal("completed", referral.GetProperty("status").GetString());
        Assert.Equal("Placed in job coaching", referral.GetProperty("outcome").GetString());
        Assert.NotEqual(JsonValueKind.Null, referral.GetProperty("completedAt").ValueKind);

        await Task.Delay(500); // the stale ReferralAccepted has had its chance
        Assert.Equal("completed", (await session.GetAsync(id)).GetProperty("referrals")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Consent_RecordsTemplateVersionAndLanguage_AndTheArabicReceiptIsIntact()
    {
        var session = Session();
        var id = await session.OpenAsync();
        var template = await session.Client.GetFromJsonAsync<JsonElement>("/api/cases/consent-templates?language=ar");

        var consent = await session.ChangeOkAsync(id, "/consents", Bodies.Consent("ar"));
        var receipt = await session.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/consents/{consent.GetProperty("id")}/receipt");

        Assert.Equal(("referral", 1, "ar"), (consent.GetProperty("templateKey").GetString(), consent.GetProperty("templateVersion").GetInt32(),
            consent.GetProperty("language").GetString()));
        Assert.Equal("rtl", receipt.GetProperty("direction").GetString());
        Assert.Equal(template.GetProperty("title").GetString(), receipt.GetProperty("title").GetString());
        var text = receipt.GetProperty("text").GetString()!;
        var templateBody = template.GetProperty("body").GetString()!;
        // The fixed Arabic sentences of the template stand in the receipt character for character.
        var firstLine = templateBody.Split('\n')[0];
        var beforePlaceholder = firstLine[..firstLine.IndexOf('{', StringComparison.Ordinal)];
        Assert.StartsWith(beforePlaceholder, text, StringComparison.Ordinal);
        Assert.Contains(templateBody.Split('\n')[^1], text, StringComparison.Ordinal);
        Assert.Contains(text, c => c is >= '\u0600' and <= '\u06FF');
        Assert.DoesNotContain("{", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receipt_AsHtml_IsARightToLeftPageWithTheArabicTextAsText()
    {
        var session = Session();
        var id = await session.OpenAsync();
        var consent = await session.ChangeOkAsync(id, "/consents", Bodies.Consent("ar"));
        var path = $"/api/cases/{id}/consents/{consent.GetProperty("id")}/receipt";
        var receipt = await session.Client.GetFromJsonAsync<JsonElement>(path);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        var response = await session.Client.SendAsync(request);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        foreach (var line in receipt.GetProperty("text").GetString()!.Split('\n'))
        {
            Assert.Contains($"<p>{line}</p>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NewTemplateVersion_DoesNotChangeWhatAnOlderConsentSays()
    {
        var session = Session();
        var admin = factory.ClientFor(_tenant, "kreis-admin", "tenant_admin");
        var id = await session.OpenAsync();
        var older = await session.ChangeOkAsync(id, "/consents", Bodies.Consent("de"));
        var olderReceipt = await session.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/consents/{older.GetProperty("id")}/receipt");

        var published = await admin.PostAsJsonAsync("/api/cases/consent-templates", new
        {
            key = "referral", language = "de", title = "Einwilligung (Fassung 2)",
            body = "Neue Fassung: {organisation} gibt {dataCategories} an {recipients} für {purpose} weiter. Gültigkeit: {validUntil}.",
            untilWithdrawn = "bis zum Widerruf", dataCategoryNames = new Dictionary<string, string> { ["identity"] = "Name und Geburtsdatum" },
        });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        Assert.Equal(2, (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        var newer = await session.ChangeOkAsync(id, "/consents", Bodies.Consent("de"));

        var olderAgain = await session.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/consents/{older.GetProperty("id")}/receipt");
        var newerReceipt = await session.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/consents/{newer.GetProperty("id")}/receipt");
        Assert.Equal(olderReceipt.GetProperty("text").GetString(), olderAgain.GetProperty("text").GetString());
        Assert.Equal(1, olderAgain.GetProperty("templateVersion").GetInt32());
        Assert.Equal(2, newerReceipt.GetProperty("templateVersion").GetInt32());
        Assert.StartsWith("Neue Fassung: caritas-guetersloh gibt Name und Geburtsdatum", newerReceipt.GetProperty("text").GetString());
    }

    [Fact]
    public async Task PublishTemplate_AsCaseManager_Returns403()
    {
        var response = await Session().Client.PostAsJsonAsync("/api/cases/consent-templates", new
        {
            key = "referral", language = "de", title = "x", body = "x", untilWithdrawn = "x",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
