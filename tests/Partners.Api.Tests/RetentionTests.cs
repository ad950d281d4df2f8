using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Partners.Api.Retention;
using KimPlatform.Partners.Api.Tests.Support;
using KimPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Partners.Api.Tests;

/// <summary>A retention pass reaches every tenant of its database, so these tests have a database of their own.</summary>
[CollectionDefinition(Name)]
public sealed class RetentionCollection : ICollectionFixture<PartnersApiFactory>
{
    public const string Name = "partners-retention";
}

[Collection(RetentionCollection.Name)]
public sealed class RetentionTests(PartnersApiFactory factory)
{
    [Fact]
    public async Task Retention_AnsweredReferralOlderThanSixMonths_LosesItsPersonalData_UnansweredKeepsIt()
    {
        var tenant = TestEnvironment.NewTenant();
        var staff = factory.Staff(tenant, "caritas");
        var answered = ReferralMessages.Requested(tenant, "caritas", Guid.NewGuid().ToString("N")[..8]);
        var waiting = ReferralMessages.Requested(tenant, "caritas", Guid.NewGuid().ToString("N")[..8]);
        await factory.PublishAndAwaitInboxAsync(answered);
        await factory.PublishAndAwaitInboxAsync(waiting);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/partners/referrals/{answered.ReferralId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/partners/referrals/{answered.ReferralId}/complete", new { outcome = "ok" })).StatusCode);
        var job = factory.Services.GetRequiredService<PartnerRetentionJob>();

        await job.RunOnceAsync(DateTimeOffset.UtcNow.AddMonths(5), CancellationToken.None);
        Assert.NotEmpty(await DatabaseSearch.FindAsync(factory.OwnerConnectionString, ReferralMessages.PersonalValues(answered)));

        await job.RunOnceAsync(DateTimeOffset.UtcNow.AddMonths(7), CancellationToken.None);

        Assert.Empty(await DatabaseSearch.FindAsync(factory.OwnerConnectionString, ReferralMessages.PersonalValues(answered)));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM referrals WHERE id = @p0 AND status = 'completed' AND redaction = 'retention'", answered.ReferralId));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM referrals WHERE id = @p0 AND shared IS NOT NULL", waiting.ReferralId));
    }

    [Fact]
    public async Task Retention_SignupsNotAcceptedAfterTheirTime_AreDeleted_AcceptedOnesAndMembersStay()
    {
        var tenant = TestEnvironment.NewTenant();
        var coordinator = factory.Coordinator(tenant);
        var created = await coordinator.PostAsJsonAsync("/api/partners/bodies", new { kind = "working-group", name = "AK Integration", openForSignup = true });
        var group = (await created.JsonAsync()).GetProperty("id").GetGuid();
        foreach (var email in new[] { "pending@example.org", "declined@example.org", "accepted@example.org" })
        {
            var signedUp = await factory.CreateClient().PostAsJsonAsync($"/api/partners/bodies/signups?tenant={tenant}",
                new { name = email, email, bodyIds = new[] { group }, consent = true });
            Assert.Equal(HttpStatusCode.Created, signedUp.StatusCode);
        }

        var signups = (await coordinator.GetFromJsonAsync<JsonElement>("/api/partners/bodies/signups")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("email").GetString()!, s => s.GetProperty("id").GetGuid());
        await coordinator.PostAsync($"/api/partners/bodies/signups/{signups["declined@example.org"]}/decline", null);
        await coordinator.PostAsync($"/api/partners/bodies/signups/{signups["accepted@example.org"]}/accept", null);
        var job = factory.Services.GetRequiredService<PartnerRetentionJob>();

        await job.RunOnceAsync(DateTimeOffset.UtcNow.AddDays(89), CancellationToken.None);
        Assert.Equal(3, await factory.CountAsync("SELECT count(*) FROM body_signups WHERE tenant_id = @p0", tenant));

        await job.RunOnceAsync(DateTimeOffset.UtcNow.AddDays(91), CancellationToken.None);

        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM body_signups WHERE tenant_id = @p0", tenant));
        Assert.Empty(await DatabaseSearch.FindAsync(factory.OwnerConnectionString, ["pending@example.org", "declined@example.org"]));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM body_signups WHERE tenant_id = @p0 AND status = 'accepted'", tenant));
    }
}
