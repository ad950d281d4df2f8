using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Contracts;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class RowLevelSecurityTests(CasesApiFactory factory)
{
    public static TheoryData<string> TenantTables => new() { "cases", "audit_entries", "consent_templates", "known_organisations" };

    [Fact]
    public async Task RuntimeRole_UnderTenantA_SeesNoRowOfTenantB_EvenWithoutWhere()
    {
        var tenantA = TestEnvironment.NewTenant();
        var tenantB = TestEnvironment.NewTenant();
        var caseOfA = await OpenCaseAsync(tenantA);
        var caseOfB = await OpenCaseAsync(tenantB);

        await using var session = await RuntimeSession.BeginAsync(factory, tenantA);
        var tenants = await session.ReadAsync("SELECT tenant_id, id FROM cases", row => (Tenant: row.GetString(0), Id: row.GetGuid(1)));

        Assert.Contains((tenantA, caseOfA), tenants);
        Assert.DoesNotContain(tenants, row => row.Id == caseOfB);
        Assert.All(tenants, row => Assert.Equal(tenantA, row.Tenant));
    }

    [Fact]
    public async Task RuntimeRole_WithoutTenant_SeesNothing()
    {
        await OpenCaseAsync(TestEnvironment.NewTenant());

        await using var session = await RuntimeSession.BeginAsync(factory, tenant: null);
        var rows = await session.ReadAsync("SELECT id FROM cases", row => row.GetGuid(0));

        Assert.Empty(rows);
    }

    [Fact]
    public async Task RuntimeRole_IsNeitherSuperuserNorOwner_NorBypassesRowLevelSecurity()
    {
        await using var session = await RuntimeSession.BeginAsync(factory, tenant: null);
        var role = await session.ReadAsync(
            """
            SELECT r.rolsuper, r.rolbypassrls, t.tableowner = current_user, c.relforcerowsecurity
            FROM pg_roles r, pg_tables t JOIN pg_class c ON c.relname = t.tablename
            WHERE r.rolname = current_user AND t.tablename = 'cases'
            """,
            row => (Super: row.GetBoolean(0), BypassesRls: row.GetBoolean(1), Owner: row.GetBoolean(2), Forced: row.GetBoolean(3)));

        var single = Assert.Single(role);
        Assert.False(single.Super, "superuser");
        Assert.False(single.BypassesRls, "bypasses RLS");
        Assert.False(single.Owner, "owns the table");
        Assert.True(single.Forced, "RLS not forced");
    }

    [Theory]
    [MemberData(nameof(TenantTables))]
    public async Task RuntimeRole_InsertingARowOfAnotherTenant_IsRefusedByTheTenantPolicy(string table)
    {
        var tenant = TestEnvironment.NewTenant();
        await SeedAsync(tenant);
        await using var session = await RuntimeSession.BeginAsync(factory, tenant);

        // A copy of one of the tenant's own rows, with a new key and another tenant's id.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => session.ExecuteAsync(
            $"""
            INSERT INTO {table}
            SELECT (jsonb_populate_record(NULL::{table}, to_jsonb(mine) || jsonb_build_object('tenant_id', @p0::text) || {NewKey(table)})).*
            FROM (SELECT * FROM {table} LIMIT 1) mine
            """, TestEnvironment.NewTenant()));

        await AssertRefusedByTenantPolicyAsync(refused, table);
    }

    [Theory]
    [InlineData("cases")]
    [InlineData("consent_templates")]
    [InlineData("known_organisations")]
    public async Task RuntimeRole_MovingItsRowToAnotherTenant_IsRefusedByTheTenantPolicy(string table)
    {
        var tenant = TestEnvironment.NewTenant();
        await SeedAsync(tenant);
        await using var session = await RuntimeSession.BeginAsync(factory, tenant);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => session.ExecuteAsync(
            $"UPDATE {table} SET tenant_id = @p0", TestEnvironment.NewTenant()));

        await AssertRefusedByTenantPolicyAsync(refused, table);
    }

    [Fact]
    public async Task RuntimeRole_ChangingAnotherTenantsCase_FindsNoRow()
    {
        var caseOfB = await OpenCaseAsync(TestEnvironment.NewTenant());
        var before = await factory.SnapshotAsync(caseOfB);
        await using (var session = await RuntimeSession.BeginAsync(factory, TestEnvironment.NewTenant()))
        {
            Assert.Equal(0, await session.ExecuteAsync("UPDATE cases SET municipality = 'Nowhere' WHERE id = @p0", caseOfB));
            Assert.Equal(0, await session.ExecuteAsync("DELETE FROM cases WHERE id = @p0", caseOfB));
        }

        Assert.Equal(before, await factory.SnapshotAsync(caseOfB));
    }

    /// <summary>
    /// 42501 is also the code of a missing grant; the message tells the policy's refusal apart. PostgreSQL names a policy
    /// in it only for restrictive policies, so which policy refused is read from the catalogue: the table has exactly
    /// one, <c>tenant_isolation</c>, and it checks new rows against the transaction's tenant.
    /// </summary>
    private async Task AssertRefusedByTenantPolicyAsync(PostgresException refused, string table)
    {
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Equal($"new row violates row-level security policy for table \"{table}\"", refused.MessageText);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM pg_policies WHERE tablename = @p0", table));
        Assert.Equal(1, await factory.CountAsync(
            """
            SELECT count(*) FROM pg_policies
            WHERE tablename = @p0 AND policyname = 'tenant_isolation' AND permissive = 'PERMISSIVE' AND cmd = 'ALL'
              AND with_check LIKE '%tenant_id%= current_setting(''kim.tenant''%'
            """, table));
    }

    /// <summary>Gives the tenant a row in each tenant table, through the API and the events as in production.</summary>
    private async Task SeedAsync(string tenant)
    {
        await OpenCaseAsync(tenant);
        var published = await factory.ClientFor(tenant, "kreis", "tenant_admin").PostAsJsonAsync("/api/cases/consent-templates", new
        {
            key = "referral", language = "de", title = "Einwilligung", body = "{organisation} an {recipients}: {dataCategories}, {purpose}, {validUntil}.",
            untilWithdrawn = "bis zum Widerruf",
        });
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        await factory.PublishAndAwaitInboxAsync(new OrganisationRegistered
        {
            EventId = Guid.NewGuid(), TenantId = tenant, OccurredAt = DateTimeOffset.UtcNow,
            OrganisationId = "jobcenter-gt", Name = "Jobcenter", Kind = "jobcenter", LegalDomains = [],
        });
    }

    private static string NewKey(string table) => table == "known_organisations"
        ? "jsonb_build_object('organisation_id', 'copy')"
        : "jsonb_build_object('id', gen_random_uuid())";

    private async Task<Guid> OpenCaseAsync(string tenant)
    {
        var response = await factory.ClientFor(tenant, "stadt-rietberg", "case_manager").OpenAsync(CaseRequests.Valid());
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
