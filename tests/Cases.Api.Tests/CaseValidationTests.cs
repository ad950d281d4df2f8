using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

/// <summary>Bad input on every changing endpoint: 400 problem details naming the field, and nothing written.</summary>
[Collection(CasesApiCollection.Name)]
public sealed class CaseValidationTests(CasesApiFactory factory)
{
    private static readonly string Tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "/assessment", "{}", "needs" },
        { "/assessment", """{ "needs": [] }""", "needs" },
        { "/assessment", """{ "needs": [ { "lifeArea": "space-travel", "description": "x" } ] }""", "$.needs[0].lifeArea" },
        { "/assessment", """{ "needs": [ { "lifeArea": "work" } ] }""", "needs[0].description" },
        { "/assessment", $$"""{ "needs": [ { "lifeArea": "work", "description": "{{new string('x', 2001)}}" } ] }""", "needs[0].description" },
        { "/plan", JsonSerializer.Serialize(Bodies.Plan(1000)), "goals" },
        { "/plan", $$"""{ "goals": [ { "lifeArea": "work", "description": "Job", "dueDate": "{{Yesterday}}" } ] }""", "goals[0].dueDate" },
        { "/plan", """{ "goals": [ { "lifeArea": "work", "description": "Job", "dueDate": 20270101 } ] }""", "$.goals[0].dueDate" },
        { "/contacts", $$"""{ "date": "{{Tomorrow}}", "channel": "phone" }""", "date" },
        { "/contacts", """{ "date": "2026-01-01", "channel": "pigeon" }""", "$.channel" },
        { "/contacts", """{ "date": "2026-01-01" }""", "channel" },
        { "/close", """{ "reason": "erased", "outcome": "achieved" }""", "reason" },
        { "/close", """{ "reason": "moved-away" }""", "outcome" },
        { "/assign", """{ "caseManagerId": "" }""", "caseManagerId" },
        { "/findings", """{ "lifeArea": "housing", "theme": "Flats" }""", "description" },
        { "/consents", """{ "purpose": "x", "recipients": [], "dataCategories": ["identity"], "form": "written", "language": "de" }""", "recipients" },
        { "/consents", """{ "purpose": "x", "recipients": [ { "organisationId": "a", "organisationKind": "jobcenter" } ], "dataCategories": ["identity"], "form": "written", "language": "de" }""", "recipients[0]" },
        { "/consents", """{ "purpose": "x", "recipients": [ { "organisationId": "a" } ], "dataCategories": ["shoe-size"], "form": "written", "language": "de" }""", "$.dataCategories[0]" },
        { "/consents", $$"""{ "purpose": "x", "recipients": [ { "organisationId": "a" } ], "dataCategories": ["identity"], "form": "written", "language": "de", "validUntil": "{{Yesterday}}" }""", "validUntil" },
        { "/consents", """{ "purpose": "x", "recipients": [ { "organisationId": "a" } ], "dataCategories": ["identity"], "form": "written", "language": "xx" }""", "language" },
        { "/referrals", """{ "partnerOrganisationId": "jobcenter-guetersloh" }""", "offerId" },
        { "/referrals", """{ "offerId": "not-a-uuid", "partnerOrganisationId": "x" }""", "$.offerId" },
        { "/goals/{goal}/progress", """{ "status": "finished" }""", "$.status" },
        { "/goals/{goal}/progress", """{ }""", "status" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Change_BadBody_Returns400NamingTheField_AndWritesNothing(string path, string json, string field)
    {
        var session = new CaseSession(factory.ClientFor(TestEnvironment.NewTenant(), "caritas-guetersloh", "case_manager"));
        var id = await session.OpenInPhaseAsync(path is "/plan" ? "assessment" : path.StartsWith("/goals", StringComparison.Ordinal) ? "plan" : "intake");
        var before = await session.GetAsync(id);
        var goal = path.StartsWith("/goals", StringComparison.Ordinal) ? before.GetProperty("goals")[0].GetProperty("id").GetString()! : "";
        var auditBefore = await factory.CountAsync("SELECT count(*) FROM audit_entries WHERE case_id = @p0", id);
        var outboxBefore = await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'caseId' = @p0", id.ToString());

        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}{path.Replace("{goal}", goal, StringComparison.Ordinal)}")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("If-Match", session.ETagOf(id));
        var response = await session.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for '{field}', got {errors}");
        Assert.Equal(auditBefore, await factory.CountAsync("SELECT count(*) FROM audit_entries WHERE case_id = @p0", id));
        Assert.Equal(outboxBefore, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'caseId' = @p0", id.ToString()));
        Assert.Equal(before.GetRawText(), (await session.GetAsync(id)).GetRawText());
    }

    [Theory]
    [InlineData("?pageSize=500", "pageSize")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=2147483647", "page")]
    [InlineData("?page=10737419&pageSize=200", "page")]
    [InlineData("?sort=birthDate", "sort")]
    [InlineData("?phase=dancing", "phase")]
    public async Task List_BadQuery_Returns400(string query, string field)
    {
        var response = await factory.ClientFor(TestEnvironment.NewTenant(), "caritas-guetersloh", "case_manager").GetAsync($"/api/cases{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }
}
