using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;
using Npgsql;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class AuditTests(CasesApiFactory factory)
{
    [Fact]
    public async Task ReadsAndWrites_AppendAuditEntries_WithUserOrganisationActionAndFields()
    {
        var session = new CaseSession(factory.ClientFor(TestEnvironment.NewTenant(), "caritas-guetersloh", "case_manager"));
        var id = await session.OpenAsync();
        await session.GetAsync(id);
        await session.ChangeOkAsync(id, "/assessment", Bodies.Assessment);
        await session.Client.GetAsync($"/api/cases/{id}/export");

        var audit = await session.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/audit");

        var actions = audit.EnumerateArray().Select(entry => entry.GetProperty("action").GetString()!).ToArray();
        Assert.Equal(["open", "read", "assessment", "export", "audit-read"], actions);
        Assert.All(audit.EnumerateArray(), entry =>
        {
            Assert.Equal("caritas-guetersloh", entry.GetProperty("organisationId").GetString());
            Assert.StartsWith("user-", entry.GetProperty("userId").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(["needs", "phase"], audit[2].GetProperty("fields").EnumerateArray().Select(field => field.GetString()));
    }

    [Theory]
    [InlineData("DELETE FROM audit_entries")]
    [InlineData("UPDATE audit_entries SET action = 'nothing'")]
    [InlineData("TRUNCATE audit_entries")]
    public async Task ServiceDatabaseRole_CannotChangeOrDeleteAuditEntries(string sql)
    {
        var tenant = TestEnvironment.NewTenant();
        var session = new CaseSession(factory.ClientFor(tenant, "caritas-guetersloh", "case_manager"));
        await session.OpenAsync();
        await using var runtime = await RuntimeSession.BeginAsync(factory, tenant);

        var denied = await Assert.ThrowsAsync<PostgresException>(() => runtime.ExecuteAsync(sql));

        // A missing grant, not row-level security (which would let the statement touch no row and succeed).
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, denied.SqlState);
        Assert.Equal("permission denied for table audit_entries", denied.MessageText);
    }

    [Fact]
    public async Task List_AppendsOneAuditEntryForEachCaseItReturns()
    {
        var tenant = TestEnvironment.NewTenant();
        var session = new CaseSession(factory.ClientFor(tenant, "caritas-guetersloh", "case_manager"));
        var cases = new[] { await session.OpenAsync(), await session.OpenAsync(), await session.OpenAsync() };

        var page = await session.Client.GetFromJsonAsync<JsonElement>("/api/cases?sort=openedAt&pageSize=2");

        var shown = page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToArray();
        Assert.Equal(cases[..2], shown);
        foreach (var id in cases)
        {
            Assert.Equal(shown.Contains(id) ? 1 : 0, await factory.CountAsync(
                "SELECT count(*) FROM audit_entries WHERE case_id = @p0 AND action = 'list' AND organisation_id = 'caritas-guetersloh' AND user_id LIKE 'user-%' AND 'familyName' = ANY(fields)", id));
        }
    }
}
