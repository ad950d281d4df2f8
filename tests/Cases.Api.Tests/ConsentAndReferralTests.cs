using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Contracts;
using KimPlatform.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class ConsentAndReferralTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    private CaseSession Session(string organisation = "caritas-guetersloh") =>
        new(factory.ClientFor(_tenant, organisation, "case_manager"));

    [Fact]
    public async Task Referral_WithoutConsent_Returns422NamingTheMissingConsent_AndStoresNothing()
    {
        var session = Session();
        var id = await session.OpenAsync();
        var before = await factory.SnapshotAsync(id);

        var response = await session.ChangeAsync(id, "/referrals", Bodies.Referral());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("jobcenter-guetersloh", problem.GetProperty("detail").GetString());
        Assert.Equal("jobcenter-guetersloh", problem.GetProperty("missingConsent").GetProperty("recipient").GetString());
        Assert.Equal(before, await factory.SnapshotAsync(id));
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
        var before = await factory.SnapshotAsync(id);
        var afterWithdrawal = await session.ChangeAsync(id, "/referrals", Bodies.Referral());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, afterWithdrawal.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync(id));
    }

    [Fact]
    public async Task Referral_ConsentNamingTheOrganisationKind_CoversOrganisationsOfThatKind_NotOthersNorUnregistered()
    {
        await RegisterOrganisationAsync("jobcenter-kreis-gt", "jobcenter");
        await RegisterOrganisationAsync("awo-gt", "welfare");
        var session = Session();
        var id = await session.OpenAsync();
        await session.ChangeOkAsync(id, "/consents", Bodies.Consent(recipients: [new { organisationKind = "jobcenter" }]));
        var before = await factory.SnapshotAsync(id);

        var otherKind = await session.ChangeAsync(id, "/referrals", Bodies.Referral("awo-gt"));
        var unregistered = await session.ChangeAsync(id, "/referrals", Bodies.Referral("jobcenter-unregistered"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, otherKind.StatusCode);
        Assert.Equal("welfare", (await otherKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("missingConsent").GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unregistered.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync(id));

        var sameKind = await session.ChangeAsync(id, "/referrals", Bodies.Referral("jobcenter-kreis-gt"));

        Assert.Equal(HttpStatusCode.Created, sameKind.StatusCode);
    }

    [Fact]
    public async Task Referral_ConsentExpiredSinceItWasGiven_Returns422_AndStoresNothing()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var session = Session();
        var id = await session.OpenAsync();
        var consent = await session.ChangeOkAsync(id, "/consents", new
        {
            purpose = "Referral to a job coaching offer", recipients = new[] { new { organisationId = "jobcenter-guetersloh" } },
            dataCategories = new[] { "identity" }, form = "written", language = "de", validUntil = today,
        });
        // The same service two days later: the consent was valid until the end of the day it was given.
        await using var later = factory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(new ShiftedClock(TimeSpan.FromDays(2)))));
        var laterSession = new CaseSession(CasesApiFactory.Authorize(later.CreateClient(), factory.SigningKey, _tenant, "caritas-guetersloh", "case_manager"));
        await laterSession.GetAsync(id);
        var before = await factory.SnapshotAsync(id);

        var implicitConsent = await laterSession.ChangeAsync(id, "/referrals", Bodies.Referral());
        var explicitConsent = await laterSession.ChangeAsync(id, "/referrals", Bodies.Referral(consentId: consent.GetProperty("id").GetGuid()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, implicitConsent.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, explicitConsent.StatusCode);
        Assert.Equal(consent.GetProperty("id").GetGuid(),
            (await explicitConsent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentId").GetGuid());
        Assert.Equal(before, await factory.SnapshotAsync(id));
        // Control: on the day it was given, the same consent covers the referral.
        Assert.Equal(HttpStatusCode.Created, (await session.ChangeAsync(id, "/referrals", Bodies.Referral(), laterSession.ETagOf(id))).StatusCode);
    }

    [Fact]
    public async Task Referral_ExplicitConsentNotNamingThePartner_Returns422_EvenWhenAnotherConsentWould()
    {
        var session = Session();
        var id = await session.OpenAsync();
        var forJobcenter = (await session.ChangeOkAsync(id, "/consents", Bodies.Consent())).GetProperty("id").GetGuid();
        await session.ChangeOkAsync(id, "/consents", Bodies.Consent(recipients: [new { organisationId = "vhs-guetersloh" }]));
        var before = await factory.SnapshotAsync(id);

        var response = await session.ChangeAsync(id, "/referrals", Bodies.Referral("vhs-guetersloh", consentId: forJobcenter));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(forJobcenter, problem.GetProperty("consentId").GetGuid());
        Assert.Equal("vhs-guetersloh", problem.GetProperty("missingConsent").GetProperty("recipient").GetString());
        Assert.Equal(before, await factory.SnapshotAsync(id));
    }

    [Fact]
    public async Task WithdrawConsent_PublishesConsentWithdrawn_WithExactlyTheReferralsRelyingOnIt()
    {
        await using var tap = await BrokerTap.StartAsync(nameof(ConsentWithdrawn));
        var session = Session();
        var id = await session.OpenAsync();
        var withdrawn = (await session.ChangeOkAsync(id, "/consents", Bodies.Consent())).GetProperty("id").GetGuid();
        var kept = (await session.ChangeOkAsync(id, "/consents", Bodies.Consent(recipients: [new { organisationId = "vhs-guetersloh" }])))
            .GetProperty("id").GetGuid();
        var relying = new[]
        {
            await ReferAsync(session, id, Bodies.Referral(consentId: withdrawn)),
            await ReferAsync(session, id, Bodies.Referral(consentId: withdrawn)),
        };
        await ReferAsync(session, id, Bodies.Referral("vhs-guetersloh", consentId: kept));

        await session.ChangeOkAsync(id, $"/consents/{withdrawn}/withdraw");

        var messages = await Eventually.GetAsync(() => Task.FromResult(tap.Messages), m => m.Any(e => e.GetProperty("consentId").GetGuid() == withdrawn));
        var message = messages.Single(e => e.GetProperty("consentId").GetGuid() == withdrawn);
        Assert.Equal(id, message.GetProperty("caseId").GetGuid());
        Assert.Equal(relying.Order(), message.GetProperty("referralIds").EnumerateArray().Select(referral => referral.GetGuid()).Order());
    }

    [Fact]
    public async Task PartnerAnswers_AreFollowedOnTheCase_InOrder()
    {
        var session = Session();
        var (id, referralId) = await OpenWithReferralAsync(session);

        await factory.PublishAndAwaitInboxAsync(new ReferralCompleted
        {
            EventId = Guid.NewGuid(), TenantId = _tenant, OccurredAt = DateTimeOffset.UtcNow, Version = 2,
            ReferralId = referralId, CaseId = id, PartnerOrganisationId = "jobcenter-guetersloh", Outcome = "Placed in job coaching",
        });
        var completed = (await session.GetAsync(id)).GetProperty("referrals")[0];
        Assert.Equal("completed", completed.GetProperty("status").GetString());
        Assert.Equal("Placed in job coaching", completed.GetProperty("outcome").GetString());
        Assert.NotEqual(JsonValueKind.Null, completed.GetProperty("completedAt").ValueKind);

        // Arrives late, after the completion has been applied: must not move the referral back.
        await factory.PublishAndAwaitInboxAsync(new ReferralAccepted
        {
            EventId = Guid.NewGuid(), TenantId = _tenant, OccurredAt = DateTimeOffset.UtcNow, Version = 1,
            ReferralId = referralId, CaseId = id, PartnerOrganisationId = "jobcenter-guetersloh",
        });

        Assert.Equal(completed.GetRawText(), (await session.GetAsync(id)).GetProperty("referrals")[0].GetRawText());
    }

    [Fact]
    public async Task PartnerDeclines_TheCaseShowsTheReferralDeclinedWithTheReason()
    {
        var session = Session();
        var (id, referralId) = await OpenWithReferralAsync(session);

        await factory.PublishAndAwaitInboxAsync(new ReferralDeclined
        {
            EventId = Guid.NewGuid(), TenantId = _tenant, OccurredAt = DateTimeOffset.UtcNow, Version = 1,
            ReferralId = referralId, CaseId = id, PartnerOrganisationId = "jobcenter-guetersloh", Reason = "No places until March",
        });

        var referral = (await session.GetAsync(id)).GetProperty("referrals")[0];
        Assert.Equal("declined", referral.GetProperty("status").GetString());
        Assert.Equal("No places until March", referral.GetProperty("declineReason").GetString());
        Assert.NotEqual(JsonValueKind.Null, referral.GetProperty("answeredAt").ValueKind);
    }

    [Fact]
    public async Task PartnerAnswer_OfAnotherTenant_ForACaseIdHeldHere_ChangesNothing()
    {
        var session = Session();
        var (id, referralId) = await OpenWithReferralAsync(session);
        var before = await factory.SnapshotAsync(id);

        await factory.PublishAndAwaitInboxAsync(new ReferralAccepted
        {
            EventId = Guid.NewGuid(), TenantId = TestEnvironment.NewTenant(), OccurredAt = DateTimeOffset.UtcNow, Version = 1,
            ReferralId = referralId, CaseId = id, PartnerOrganisationId = "jobcenter-guetersloh",
        });

        Assert.Equal(before, await factory.SnapshotAsync(id));
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
    public async Task PublishTemplate_AsCaseManager_Returns403_AndStoresNothing()
    {
        var response = await Session().Client.PostAsJsonAsync("/api/cases/consent-templates", new
        {
            key = "referral", language = "de", title = "x", body = "x", untilWithdrawn = "x",
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM consent_templates WHERE tenant_id = @p0", _tenant));
    }

    private static async Task<(Guid Case, Guid Referral)> OpenWithReferralAsync(CaseSession session)
    {
        var id = await session.OpenAsync();
        await session.ChangeOkAsync(id, "/consents", Bodies.Consent());
        return (id, await ReferAsync(session, id, Bodies.Referral()));
    }

    private static async Task<Guid> ReferAsync(CaseSession session, Guid id, object referral) =>
        (await session.ChangeOkAsync(id, "/referrals", referral)).GetProperty("id").GetGuid();

    /// <summary>As the partners service announces an organisation; returns once the cases service has recorded it.</summary>
    private Task RegisterOrganisationAsync(string organisationId, string kind) => factory.PublishAndAwaitInboxAsync(new OrganisationRegistered
    {
        EventId = Guid.NewGuid(), TenantId = _tenant, OccurredAt = DateTimeOffset.UtcNow,
        OrganisationId = organisationId, Name = organisationId, Kind = kind, LegalDomains = [],
    });
}
