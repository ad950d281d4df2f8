using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Contracts;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class ListAndEventTests(CasesApiFactory factory)
{
    private readonly CaseSession _session = new(factory.ClientFor(TestEnvironment.NewTenant(), "stadt-guetersloh", "case_manager"));

    [Theory]
    [InlineData("Mueller", "Jana Müller")]
    [InlineData("muller", "Jana Müller")]
    [InlineData("Олена", "Olena Kovalenko")]
    [InlineData("Muhammad", "Mohammed Al-Hassan")]
    [InlineData("kovalenko olena", "Olena Kovalenko")]
    public async Task List_TextSearch_FindsUmlautTransliterationAndOrderVariants(string query, string expected)
    {
        await OpenNamedAsync("Jana", "Müller");
        await OpenNamedAsync("Olena", "Kovalenko");
        await OpenNamedAsync("Mohammed", "Al-Hassan");

        var page = await _session.Client.GetFromJsonAsync<JsonElement>($"/api/cases?q={Uri.EscapeDataString(query)}");

        var names = page.GetProperty("items").EnumerateArray()
            .Select(item => $"{item.GetProperty("givenName").GetString()} {item.GetProperty("familyName").GetString()}").ToArray();
        Assert.Equal([expected], names);
    }

    [Fact]
    public async Task List_FiltersPagesAndSorts()
    {
        foreach (var name in new[] { "Bauer", "Adler", "Cem" })
        {
            await OpenNamedAsync("Test", name);
        }

        var second = await _session.Client.GetFromJsonAsync<JsonElement>("/api/cases?sort=familyName&page=2&pageSize=1&phase=intake");

        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal((2, 1), (second.GetProperty("page").GetInt32(), second.GetProperty("pageSize").GetInt32()));
        Assert.Equal("Bauer", second.GetProperty("items")[0].GetProperty("familyName").GetString());
        var none = await _session.Client.GetFromJsonAsync<JsonElement>("/api/cases?phase=closed");
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task StateChanges_PublishTheirEvents_WithTheCasesVersion()
    {
        await using var phases = await BrokerTap.StartAsync(nameof(CasePhaseChanged));
        await using var goals = await BrokerTap.StartAsync(nameof(GoalAgreed));
        await using var consents = await BrokerTap.StartAsync(nameof(ConsentGiven));
        var id = await _session.OpenInPhaseAsync("plan");
        await _session.ChangeOkAsync(id, "/consents", Bodies.Consent());
        var version = (await _session.GetAsync(id)).GetProperty("version").GetInt64();

        var moves = await Eventually.GetAsync(() => Task.FromResult(ForCase(phases, id)), m => m.Count == 2);
        Assert.Equal([("intake", "assessment", 2L), ("assessment", "plan", 3L)],
            moves.Select(m => (m.GetProperty("fromPhase").GetString(), m.GetProperty("toPhase").GetString(), m.GetProperty("version").GetInt64())));
        var agreed = await Eventually.GetAsync(() => Task.FromResult(ForCase(goals, id)), m => m.Count == 1);
        Assert.Equal(3L, agreed[0].GetProperty("version").GetInt64());
        var given = await Eventually.GetAsync(() => Task.FromResult(ForCase(consents, id)), m => m.Count == 1);
        Assert.Equal(version, given[0].GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task PublishTemplate_WithoutBody_Returns400NamingTheField_AndStoresNothing()
    {
        var tenant = TestEnvironment.NewTenant();
        var response = await factory.ClientFor(tenant, "kreis", "tenant_admin")
            .PostAsJsonAsync("/api/cases/consent-templates", new { key = "referral", language = "de", title = "x", untilWithdrawn = "x" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["body"], errors.EnumerateObject().Select(error => error.Name));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM consent_templates WHERE tenant_id = @p0", tenant));
    }

    private static List<JsonElement> ForCase(BrokerTap tap, Guid id) =>
        tap.Messages.Where(message => message.GetProperty("caseId").GetGuid() == id).ToList();

    private Task<Guid> OpenNamedAsync(string given, string family) => _session.OpenAsync(new
    {
        person = new { givenName = given, familyName = family, birthDate = "1990-01-01", residenceStatus = "eu-citizen", municipality = "Gütersloh" },
        reachability = "good",
    });
}
