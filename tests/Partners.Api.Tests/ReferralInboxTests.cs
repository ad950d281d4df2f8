using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Contracts;
using KimPlatform.Partners.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Partners.Api.Tests;

[Collection(PartnersApiCollection.Name)]
public sealed class ReferralInboxTests(PartnersApiFactory factory)
{
    private static string NewMarker() => Guid.NewGuid().ToString("N")[..10];

    private async Task<JsonElement> InboxAsync(string tenant, string organisation)
    {
        var response = await factory.Staff(tenant, organisation).GetAsync("/api/partners/referrals");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private async Task<ReferralRequested> ReceivedAsync(string tenant, string partner, string marker)
    {
        var requested = ReferralMessages.Requested(tenant, partner, marker);
        await factory.PublishAndAwaitInboxAsync(requested);
        return requested;
    }

    [Fact]
    public async Task ReferralRequested_OverTheBroker_AppearsInTheAddressedOrganisationsInboxOnly()
    {
        var tenant = TestEnvironment.NewTenant();
        var marker = NewMarker();

        var requested = await ReceivedAsync(tenant, "caritas", marker);

        var inbox = await InboxAsync(tenant, "caritas");
        var item = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal(requested.ReferralId, item.GetProperty("id").GetGuid());
        Assert.Equal("requested", item.GetProperty("status").GetString());
        Assert.Equal($"Amina{marker}", item.GetProperty("person").GetProperty("givenName").GetString());
        Assert.Equal(0, (await InboxAsync(tenant, "awo")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await InboxAsync(TestEnvironment.NewTenant(), "caritas")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ReferralRequested_DeliveredTwice_CreatesOneItem()
    {
        var tenant = TestEnvironment.NewTenant();
        var requested = await ReceivedAsync(tenant, "caritas", NewMarker());

        await factory.PublishAndAwaitInboxAsync(requested);
        // The same referral again under a new message id (a re-send, not a redelivery) is recognised by its id.
        await factory.PublishAndAwaitInboxAsync(requested, Guid.CreateVersion7());

        Assert.Equal(1, (await InboxAsync(tenant, "caritas")).GetProperty("total").GetInt32());
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM referrals WHERE id = @p0", requested.ReferralId));
    }

    [Fact]
    public async Task AnswerReferral_AcceptThenComplete_PublishesBothEventsWithTheReferralsVersion()
    {
        var tenant = TestEnvironment.NewTenant();
        await using var accepted = await BrokerTap.StartAsync("ReferralAccepted");
        await using var completed = await BrokerTap.StartAsync("ReferralCompleted");
        var requested = await ReceivedAsync(tenant, "caritas", NewMarker());
        var staff = factory.Staff(tenant, "caritas");

        var accept = await staff.PostAsync($"/api/partners/referrals/{requested.ReferralId}/accept", null);
        var complete = await staff.PostAsJsonAsync($"/api/partners/referrals/{requested.ReferralId}/complete", new { outcome = "Kurs begonnen" });

        Assert.Equal(HttpStatusCode.OK, accept.StatusCode);
        Assert.Equal(HttpStatusCode.OK, complete.StatusCode);
        Assert.Equal("completed", (await complete.JsonAsync()).GetProperty("status").GetString());
        var acceptedEvent = await SingleForAsync(accepted, requested.ReferralId);
        var completedEvent = await SingleForAsync(completed, requested.ReferralId);
        Assert.Equal(2, acceptedEvent.GetProperty("version").GetInt64());
        Assert.Equal(requested.CaseId, acceptedEvent.GetProperty("caseId").GetGuid());
        Assert.Equal("caritas", acceptedEvent.GetProperty("partnerOrganisationId").GetString());
        Assert.Equal(3, completedEvent.GetProperty("version").GetInt64());
        Assert.Equal("Kurs begonnen", completedEvent.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task DeclineReferral_WithReason_PublishesReferralDeclined()
    {
        var tenant = TestEnvironment.NewTenant();
        await using var declined = await BrokerTap.StartAsync("ReferralDeclined");
        var requested = await ReceivedAsync(tenant, "caritas", NewMarker());

        var response = await factory.Staff(tenant, "caritas").PostAsJsonAsync(
            $"/api/partners/referrals/{requested.ReferralId}/decline", new { reason = "Kurs ist voll" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var declinedEvent = await SingleForAsync(declined, requested.ReferralId);
        Assert.Equal("Kurs ist voll", declinedEvent.GetProperty("reason").GetString());
        Assert.Equal(2, declinedEvent.GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData("accept")]
    [InlineData("decline")]
    [InlineData("complete")]
    public async Task AnswerReferral_StaffOfAnotherOrganisation_Returns404AndChangesNothing(string answer)
    {
        var tenant = TestEnvironment.NewTenant();
        var requested = await ReceivedAsync(tenant, "caritas", NewMarker());

        var response = await factory.Staff(tenant, "awo").PostAsJsonAsync(
            $"/api/partners/referrals/{requested.ReferralId}/{answer}", new { reason = "x", outcome = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT version FROM referrals WHERE id = @p0", requested.ReferralId));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task AnswerReferral_CompleteBeforeAccept_Returns409()
    {
        var tenant = TestEnvironment.NewTenant();
        var requested = await ReceivedAsync(tenant, "caritas", NewMarker());

        var response = await factory.Staff(tenant, "caritas").PostAsJsonAsync(
            $"/api/partners/referrals/{requested.ReferralId}/complete", new { outcome = "fertig" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task DeclineReferral_WithoutReason_Returns400()
    {
        var tenant = TestEnvironment.NewTenant();
        var requested = await ReceivedAsync(tenant, "caritas", NewMarker());

        var response = await factory.Staff(tenant, "caritas").PostAsJsonAsync($"/api/partners/referrals/{requested.ReferralId}/decline", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT version FROM referrals WHERE id = @p0", requested.ReferralId));
    }

    [Fact]
    public async Task ConsentWithdrawn_OverTheBroker_RedactsAtOnceKeepsTheStatusAndLeavesNoNameInTheDatabase()
    {
        var tenant = TestEnvironment.NewTenant();
        var marker = NewMarker();
        var requested = await ReceivedAsync(tenant, "caritas", marker);
        Assert.Equal(HttpStatusCode.OK, (await factory.Staff(tenant, "caritas").PostAsync($"/api/partners/referrals/{requested.ReferralId}/accept", null)).StatusCode);
        Assert.NotEmpty(await DatabaseSearch.FindAsync(factory.OwnerConnectionString, ReferralMessages.PersonalValues(requested)));

        await factory.PublishAndAwaitInboxAsync(new ConsentWithdrawn
        {
            EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = DateTimeOffset.UtcNow, Version = 5, CaseId = requested.CaseId,
            OrganisationId = "kreis-kim", ConsentId = requested.ConsentId, Recipients = [new ConsentRecipient("caritas", null)],
            ReferralIds = [requested.ReferralId],
        });

        var item = (await InboxAsync(tenant, "caritas")).GetProperty("items")[0];
        Assert.Equal("accepted", item.GetProperty("status").GetString());
        Assert.Equal("consent-withdrawn", item.GetProperty("redaction").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("person").ValueKind);
        Assert.Empty(await DatabaseSearch.FindAsync(factory.OwnerConnectionString, ReferralMessages.PersonalValues(requested)));
    }

    [Fact]
    public async Task CaseErased_OverTheBroker_RedactsEveryReferralOfTheCaseAndLeavesNoNameInTheDatabase()
    {
        var tenant = TestEnvironment.NewTenant();
        var marker = NewMarker();
        var first = await ReceivedAsync(tenant, "caritas", marker);
        var second = ReferralMessages.Requested(tenant, "awo", marker) with { CaseId = first.CaseId };
        await factory.PublishAndAwaitInboxAsync(second);
        var declined = await factory.Staff(tenant, "caritas").PostAsJsonAsync(
            $"/api/partners/referrals/{first.ReferralId}/decline", new { reason = $"Amina{marker} ist verzogen" });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);

        await factory.PublishAndAwaitInboxAsync(new CaseErased
        {
            EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = DateTimeOffset.UtcNow, Version = 9, CaseId = first.CaseId,
            OrganisationId = "kreis-kim", Cause = "request",
        });

        var caritas = (await InboxAsync(tenant, "caritas")).GetProperty("items")[0];
        var awo = (await InboxAsync(tenant, "awo")).GetProperty("items")[0];
        Assert.Equal("declined", caritas.GetProperty("status").GetString());
        Assert.Equal("case-erased", caritas.GetProperty("redaction").GetString());
        Assert.Equal("requested", awo.GetProperty("status").GetString());
        Assert.Equal("case-erased", awo.GetProperty("redaction").GetString());
        // The partner's own decline reason named the person; it went out in ReferralDeclined, and is erased here too.
        var values = ReferralMessages.PersonalValues(first).Concat(ReferralMessages.PersonalValues(second)).Distinct();
        var left = await DatabaseSearch.FindAsync(factory.OwnerConnectionString, values);
        Assert.True(left.Count == 0, string.Join(", ", left));
    }

    [Fact]
    public async Task ListReferrals_CaseManager_Returns403()
    {
        var response = await factory.ClientFor(TestEnvironment.NewTenant(), "kreis-kim", "case_manager").GetAsync("/api/partners/referrals");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<JsonElement> SingleForAsync(BrokerTap tap, Guid referralId)
    {
        var messages = await Eventually.GetAsync(
            () => Task.FromResult(tap.Messages.Where(m => m.GetProperty("referralId").GetGuid() == referralId).ToList()), m => m.Count > 0);
        return Assert.Single(messages);
    }
}
