using System.Net;
using System.Net.Http.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

/// <summary>Another organisation's or another tenant's case looks exactly like a case that does not exist.</summary>
[Collection(CasesApiCollection.Name)]
public sealed class IsolationTests(CasesApiFactory factory)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "" },
        { "GET", "/audit" },
        { "GET", "/export" },
        { "DELETE", "" },
        { "POST", "/assessment" },
        { "POST", "/plan" },
        { "POST", "/monitoring" },
        { "POST", "/close" },
        { "POST", "/reopen" },
        { "POST", "/contacts" },
        { "POST", "/assign" },
        { "POST", "/findings" },
        { "POST", "/consents" },
        { "POST", "/referrals" },
        { "POST", "/goals/{goal}/progress" },
        { "POST", "/consents/{consent}/withdraw" },
        { "GET", "/consents/{consent}/receipt" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Endpoint_CalledByAnotherOrganisationOrTenant_Returns404_AndLeavesNoAuditEntry(string method, string path)
    {
        var tenant = TestEnvironment.NewTenant();
        var owner = new CaseSession(factory.ClientFor(tenant, "caritas-guetersloh", "case_manager"));
        var id = await owner.OpenInPhaseAsync("plan");
        var consent = (await owner.ChangeOkAsync(id, "/consents", Bodies.Consent())).GetProperty("id").GetGuid();
        var state = await owner.GetAsync(id);
        var goal = state.GetProperty("goals")[0].GetProperty("id").GetGuid();
        var etag = owner.ETagOf(id);
        var auditBefore = await factory.CountAsync("SELECT count(*) FROM audit_entries WHERE case_id = @p0", id);
        var resolved = path.Replace("{goal}", goal.ToString(), StringComparison.Ordinal).Replace("{consent}", consent.ToString(), StringComparison.Ordinal);

        foreach (var outsider in new[]
        {
            factory.ClientFor(tenant, "stadt-rietberg", "case_manager"),
            factory.ClientFor(TestEnvironment.NewTenant(), "caritas-guetersloh", "case_manager", "tenant_admin"),
        })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/cases/{id}{resolved}");
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            if (method == "POST")
            {
                request.Content = JsonContent.Create(BodyFor(path));
            }

            var response = await outsider.SendAsync(request);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(auditBefore, await factory.CountAsync("SELECT count(*) FROM audit_entries WHERE case_id = @p0", id));
        Assert.Equal(state.GetRawText(), (await owner.GetAsync(id)).GetRawText());
    }

    [Fact]
    public async Task List_ShowsOnlyTheCallersOrganisation()
    {
        var tenant = TestEnvironment.NewTenant();
        var mine = new CaseSession(factory.ClientFor(tenant, "stadt-verl", "case_manager"));
        var theirs = new CaseSession(factory.ClientFor(tenant, "diakonie-gt", "case_manager"));
        var myCase = await mine.OpenAsync();
        await theirs.OpenAsync();

        var page = await mine.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/cases");

        Assert.Equal([myCase], page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()));
        Assert.Equal(1, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ListAndCaseload_OfTheSameOrganisationKeyInAnotherTenant_ShowNothingOfThisTenant()
    {
        var tenantA = new CaseSession(factory.ClientFor(TestEnvironment.NewTenant(), "stadt-verl", "case_manager"));
        var tenantB = new CaseSession(factory.ClientFor(TestEnvironment.NewTenant(), "stadt-verl", "case_manager"));
        var caseOfA = await tenantA.OpenAsync();
        await tenantA.ChangeOkAsync(caseOfA, "/assign", new { caseManagerId = "cm-shared-name" });
        // Control: tenant A's own case manager sees the case in both.
        Assert.Equal([caseOfA], await ListAsync(tenantA));
        Assert.Contains(await CaseloadAsync(tenantA), entry => entry == ("cm-shared-name", 1));

        Assert.Empty(await ListAsync(tenantB));
        Assert.Empty(await ListAsync(tenantB, "?assignedTo=cm-shared-name&q=Kovalenko&municipality=Rietberg"));
        Assert.Empty(await CaseloadAsync(tenantB));

        var caseOfB = await tenantB.OpenAsync();
        await tenantB.ChangeOkAsync(caseOfB, "/assign", new { caseManagerId = "cm-shared-name" });

        Assert.Equal([caseOfB], await ListAsync(tenantB));
        Assert.Equal([("cm-shared-name", 1)], await CaseloadAsync(tenantB));
        Assert.Equal([caseOfA], await ListAsync(tenantA));
    }

    private static async Task<Guid[]> ListAsync(CaseSession session, string query = "")
    {
        var page = await session.Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/cases{query}");
        var items = page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetGuid()).ToArray();
        Assert.Equal(items.Length, page.GetProperty("total").GetInt32());
        return items;
    }

    private static async Task<(string, int)[]> CaseloadAsync(CaseSession session) =>
        (await session.Client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/cases/caseload")).EnumerateArray()
            .Select(entry => (entry.GetProperty("caseManagerId").GetString()!, entry.GetProperty("openCases").GetInt32()))
            .ToArray();

    private static object BodyFor(string path) => path switch
    {
        "/assessment" => Bodies.Assessment,
        "/plan" => Bodies.Plan(),
        "/close" => Bodies.Close,
        "/contacts" => new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), channel = "phone" },
        "/assign" => new { caseManagerId = "intruder" },
        "/findings" => new { lifeArea = "housing", theme = "No flats", description = "None" },
        "/consents" => Bodies.Consent(),
        "/referrals" => Bodies.Referral(),
        "/goals/{goal}/progress" => new { status = "dropped" },
        _ => new { },
    };
}
