using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class CaseLifecycleTests(CasesApiFactory factory)
{
    private readonly CaseSession _session = new(factory.ClientFor(TestEnvironment.NewTenant(), "stadt-rietberg", "case_manager"));

    public static TheoryData<string, string, string?> Transitions()
    {
        var moves = new Dictionary<string, (string From, string To)>
        {
            ["/assessment"] = ("intake", "assessment"),
            ["/plan"] = ("assessment", "plan"),
            ["/monitoring"] = ("plan", "monitoring"),
            ["/close"] = ("monitoring", "closed"),
            ["/reopen"] = ("closed", "monitoring"),
        };
        var data = new TheoryData<string, string, string?>();
        foreach (var phase in new[] { "intake", "assessment", "plan", "monitoring", "closed" })
        {
            foreach (var (path, move) in moves)
            {
                data.Add(phase, path, move.From == phase ? move.To : null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task PhaseChange_LegalMovesSucceed_OthersAre409AndLeaveTheCaseUnchanged(string phase, string path, string? expectedPhase)
    {
        var id = await _session.OpenInPhaseAsync(phase);
        var before = await _session.GetAsync(id);

        var response = await _session.ChangeAsync(id, path, BodyFor(path));

        var after = await _session.GetAsync(id);
        if (expectedPhase is null)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(before.GetRawText(), after.GetRawText());
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expectedPhase, after.GetProperty("phase").GetString());
            Assert.Equal(before.GetProperty("version").GetInt64() + 1, after.GetProperty("version").GetInt64());
        }
    }

    [Fact]
    public async Task Change_WithoutIfMatch_Returns428_AndStoresNothing()
    {
        var id = await _session.OpenAsync();
        var before = await factory.SnapshotAsync(id);

        var response = await _session.Client.PostAsJsonAsync($"/api/cases/{id}/assessment", Bodies.Assessment);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync(id));
    }

    /// <summary><c>*</c> matches any version (RFC 9110), so it would skip the lost-update protection: refused like no If-Match.</summary>
    [Theory]
    [InlineData("POST", "/contacts")]
    [InlineData("POST", "/assessment")]
    [InlineData("DELETE", "")]
    public async Task Change_WithIfMatchStar_Returns428_AndStoresNothing(string method, string path)
    {
        var id = await _session.OpenAsync();
        var before = await factory.SnapshotAsync(id);
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/cases/{id}{path}");
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        if (method == "POST")
        {
            request.Content = JsonContent.Create(path == "/contacts"
                ? new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), channel = "phone" }
                : Bodies.Assessment);
        }

        var response = await _session.Client.SendAsync(request);

        Assert.Equal((HttpStatusCode)428, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await factory.SnapshotAsync(id));
    }

    [Fact]
    public async Task Change_IfMatchListIncludingTheCurrentETag_Succeeds_AStaleTagBesideStarGets412()
    {
        var id = await _session.OpenAsync();
        var contact = new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), channel = "phone" };

        var listed = await _session.ChangeAsync(id, "/contacts", contact, $"\"0\", {_session.ETagOf(id)}");
        var before = await factory.SnapshotAsync(id);
        var stale = await _session.ChangeAsync(id, "/contacts", contact, "\"1\", *");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(before, await factory.SnapshotAsync(id));
    }

    [Fact]
    public async Task LostUpdate_TwoChangesWithTheSameETag_OneGets412()
    {
        var id = await _session.OpenAsync();
        var etag = _session.ETagOf(id);
        var contact = new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), channel = "phone", note = "Called about the course" };

        var first = await _session.ChangeAsync(id, "/contacts", contact, etag);
        var second = await _session.ChangeAsync(id, "/contacts", contact, etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        Assert.Single((await _session.GetAsync(id)).GetProperty("contacts").EnumerateArray());
    }

    [Fact]
    public async Task ConcurrentChanges_WithTheSameETag_OnlyOneWins()
    {
        var id = await _session.OpenAsync();
        var etag = _session.ETagOf(id);
        var contact = new { date = DateTime.UtcNow.ToString("yyyy-MM-dd"), channel = "phone" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _session.ChangeAsync(id, "/contacts", contact, etag)));

        Assert.Single(responses, response => response.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(response => response.StatusCode != HttpStatusCode.OK),
            response => Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode));
        Assert.Single((await _session.GetAsync(id)).GetProperty("contacts").EnumerateArray());
    }

    [Fact]
    public async Task Goals_ProgressIsRecorded_AndCaseloadCountsOpenCasesPerCaseManager()
    {
        var id = await _session.OpenInPhaseAsync("plan");
        var goalId = (await _session.GetAsync(id)).GetProperty("goals")[0].GetProperty("id").GetGuid();

        var updated = await _session.ChangeOkAsync(id, $"/goals/{goalId}/progress", new { status = "achieved", note = "Passed B1" });

        var goal = updated.GetProperty("goals")[0];
        Assert.Equal("achieved", goal.GetProperty("status").GetString());
        Assert.Equal("Passed B1", goal.GetProperty("progress")[0].GetProperty("note").GetString());

        await _session.ChangeOkAsync(id, "/assign", new { caseManagerId = "cm-zeynep" });
        var caseload = await _session.Client.GetFromJsonAsync<JsonElement>("/api/cases/caseload");
        Assert.Contains(caseload.EnumerateArray(), entry =>
            entry.GetProperty("caseManagerId").GetString() == "cm-zeynep" && entry.GetProperty("openCases").GetInt32() == 1);
    }

    private static object BodyFor(string path) => path switch
    {
        "/assessment" => Bodies.Assessment,
        "/plan" => Bodies.Plan(),
        "/close" => Bodies.Close,
        _ => new { },
    };
}
