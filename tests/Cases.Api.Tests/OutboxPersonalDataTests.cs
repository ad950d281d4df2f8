using System.Net;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

/// <summary>A referral's personal data stays in the outbox only until the broker has confirmed it.</summary>
[Collection(CasesApiCollection.Name)]
public sealed class OutboxPersonalDataTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task ReferralRequested_OncePublished_KeepsNoPersonalDataInTheOutbox()
    {
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var id = await session.OpenAsync();
        await session.ChangeOkAsync(id, "/consents", Bodies.Consent(categories: ["identity", "languages", "needs"]));
        var referral = await session.ChangeAsync(id, "/referrals", Bodies.Referral());
        Assert.Equal(HttpStatusCode.Created, referral.StatusCode);

        var dispatched = await Eventually.GetAsync(() => factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type = 'ReferralRequested' AND payload->>'caseId' = @p0 AND dispatched_at IS NOT NULL",
            id.ToString()), count => count == 1);
        Assert.Equal(1, dispatched);

        // Every personal field is null now; the routing facts (case, partner, categories) remain for tracing.
        Assert.Equal(1, await factory.CountAsync("""
            SELECT count(*) FROM outbox_messages
            WHERE message_type = 'ReferralRequested' AND payload->>'caseId' = @p0
              AND payload->'person' = 'null'::jsonb AND payload->'languages' = 'null'::jsonb AND payload->'needs' = 'null'::jsonb
              AND payload->'note' = 'null'::jsonb AND payload->>'partnerOrganisationId' = 'jobcenter-guetersloh'
              AND payload::text NOT LIKE '%Interested in care work%'
            """, id.ToString()));
    }
}
