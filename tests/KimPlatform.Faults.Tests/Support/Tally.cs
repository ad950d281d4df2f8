using KimPlatform.Testing;

namespace KimPlatform.Faults.Tests.Support;

/// <summary>What one tenant's writes left in a database, counted there.</summary>
internal sealed record Counts(long Cases, long Referrals, long Registrations);

/// <summary>Counts a workload's writes in every database of the platform, as the superuser (past row-level security).</summary>
internal static class Tally
{
    /// <summary>What the owning services hold: cases and their referrals in casesdb, registrations in eventsdb.</summary>
    public static async Task<Counts> StoredAsync(string tenant) => new(
        await Platform.CountAsync("casesdb", "SELECT count(*) FROM cases WHERE tenant_id = @p0", tenant),
        await Platform.CountAsync("casesdb",
            "SELECT count(*) FROM cases c CROSS JOIN LATERAL jsonb_array_elements(c.referrals) r WHERE c.tenant_id = @p0", tenant),
        await Platform.CountAsync("eventsdb", "SELECT count(*) FROM registrations WHERE tenant_id = @p0", tenant));

    /// <summary>What the consumers applied: the partners' received referrals and reporting's counters.</summary>
    public static async Task<(Counts Reporting, long PartnerReferrals, long CaseStates)> AppliedAsync(string tenant) => (
        new Counts(
            await Figure(tenant, "new"),
            await Figure(tenant, "referrals:requested"),
            await Figure(tenant, "events:registrations")),
        await Platform.CountAsync("partnersdb", "SELECT count(*) FROM referrals WHERE tenant_id = @p0", tenant),
        await Platform.CountAsync("reportingdb", "SELECT count(*) FROM case_states WHERE tenant_id = @p0", tenant));

    /// <summary>Every write acknowledged with 201 exists exactly once in the database of its service.</summary>
    public static async Task AssertAcknowledgedStoredOnceAsync(Workload workload)
    {
        var cases = workload.Cases.ToArray();
        var referrals = workload.Referrals.ToArray();
        var registrations = workload.Registrations.ToArray();
        Assert.Equal(cases.Length, cases.Distinct().Count());
        Assert.Equal(cases.Length, await Platform.CountAsync("casesdb", "SELECT count(*) FROM cases WHERE id = ANY(@p0)", cases));
        Assert.Equal(referrals.Length, await Platform.CountAsync("casesdb",
            "SELECT count(*) FROM cases c CROSS JOIN LATERAL jsonb_array_elements(c.referrals) r WHERE c.tenant_id = @p0 AND (r->>'Id')::uuid = ANY(@p1)",
            workload.Tenant, referrals));
        Assert.Equal(registrations.Length, await Platform.CountAsync("eventsdb", "SELECT count(*) FROM registrations WHERE id = ANY(@p0)", registrations));
    }

    /// <summary>
    /// Waits until every consumer has applied what the services hold, each exactly once: the outboxes of the tenant
    /// are drained, the partner service holds each referral, reporting counts each case, referral and registration.
    /// A failure names each figure that is short (lost) or over (applied twice).
    /// </summary>
    public static async Task AssertConvergedAsync(string tenant, TimeSpan limit)
    {
        var stored = await StoredAsync(tenant);
        foreach (var database in new[] { "casesdb", "partnersdb", "eventsdb" })
        {
            var left = await Eventually.GetAsync(
                () => Platform.CountAsync(database, "SELECT count(*) FROM outbox_messages WHERE tenant_id = @p0 AND dispatched_at IS NULL", tenant),
                count => count == 0, limit);
            Assert.True(left == 0, $"{database}: {left} outbox rows of the tenant never dispatched after {limit}");
        }

        var expected = (stored, stored.Referrals, stored.Cases);
        var applied = await Eventually.GetAsync(() => AppliedAsync(tenant), applied => applied == expected, limit);
        Assert.True(applied == expected, $"after {limit}: {Differences(expected, applied)}");
        // A message applied twice would arrive after the first: once the queues are idle, the counts must not have moved on.
        await BrokerQueues.WaitIdleAsync(limit);
        applied = await AppliedAsync(tenant);
        Assert.True(applied == expected, $"once the queues were idle: {Differences(expected, applied)}");
        Assert.Equal(stored, await StoredAsync(tenant));
    }

    private static string Differences((Counts Reporting, long PartnerReferrals, long CaseStates) stored, (Counts Reporting, long PartnerReferrals, long CaseStates) applied) =>
        string.Join("; ", new (string Figure, long Stored, long Applied)[]
            {
                ("reporting's new cases", stored.Reporting.Cases, applied.Reporting.Cases),
                ("reporting's referrals", stored.Reporting.Referrals, applied.Reporting.Referrals),
                ("reporting's registrations", stored.Reporting.Registrations, applied.Reporting.Registrations),
                ("the partner service's referrals", stored.PartnerReferrals, applied.PartnerReferrals),
                ("reporting's case states", stored.CaseStates, applied.CaseStates),
            }
            .Where(figure => figure.Stored != figure.Applied)
            .Select(figure => $"{figure.Figure} {figure.Applied} of {figure.Stored} stored ("
                + (figure.Applied < figure.Stored ? $"{figure.Stored - figure.Applied} lost" : $"{figure.Applied - figure.Stored} applied twice") + ")"));

    private static Task<long> Figure(string tenant, string figure) => Platform.CountAsync("reportingdb",
        "SELECT coalesce(sum(value), 0) FROM counters WHERE tenant_id = @p0 AND figure = @p1", tenant, figure);
}
