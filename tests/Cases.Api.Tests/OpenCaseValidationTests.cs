using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class OpenCaseValidationTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    public static TheoryData<string, string> UnreadableBodies => new()
    {
        { "{ \"person\": { \"givenName\": \"Olena\", ", "$.person" },
        { "not json at all", "$" },
        { Mutate(body => body["person"]!["birthDate"] = 19880412), "$.person.birthDate" },
        { Mutate(body => body["person"]!["birthDate"] = "12.04.1988"), "$.person.birthDate" },
        { Mutate(body => body["person"]!["residenceStatus"] = "tourist"), "$.person.residenceStatus" },
        { Mutate(body => body["reachability"] = 2), "$.reachability" },
        { Mutate(body => body["targetGroups"] = "women"), "$.targetGroups" },
        { Mutate(body => body["person"]!["languages"] = new JsonArray(1, 2)), "$.person.languages[0]" },
    };

    public static TheoryData<string, string> InvalidBodies => new()
    {
        { "{}", "person" },
        { Mutate(body => body["person"]!.AsObject().Remove("givenName")), "person.givenName" },
        { Mutate(body => body["person"]!["familyName"] = "   "), "person.familyName" },
        { Mutate(body => body["person"]!["familyName"] = new string('x', 101)), "person.familyName" },
        { Mutate(body => body["person"]!.AsObject().Remove("birthDate")), "person.birthDate" },
        { Mutate(body => body["person"]!["birthDate"] = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd")), "person.birthDate" },
        { Mutate(body => body["person"]!["arrivalDate"] = "1980-01-01"), "person.arrivalDate" },
        { Mutate(body => body["person"]!.AsObject().Remove("residenceStatus")), "person.residenceStatus" },
        { Mutate(body => body["person"]!.AsObject().Remove("municipality")), "person.municipality" },
        { Mutate(body => body["person"]!["email"] = "olena at example.org"), "person.email" },
        { Mutate(body => body["person"]!["languages"] = new JsonArray("arabic")), "person.languages[0]" },
        { Mutate(body => body["person"]!["languages"] = new JsonArray(Enumerable.Range(0, 21).Select(_ => (JsonNode)"de").ToArray())), "person.languages" },
        { Mutate(body => body["targetGroups"] = new JsonArray("women", "women")), "targetGroups" },
        { Mutate(body => body.Remove("reachability")), "reachability" },
    };

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task OpenCase_UnreadableBody_Returns400NamingTheField_AndWritesNothing(string json, string field)
    {
        var response = await factory.ClientFor(_tenant, "stadt-rietberg", "case_manager").OpenRawAsync(json);

        await AssertValidationProblem(response, field);
        await AssertNothingWritten();
    }

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task OpenCase_InvalidField_Returns400NamingTheField_AndWritesNothing(string json, string field)
    {
        var response = await factory.ClientFor(_tenant, "stadt-rietberg", "case_manager").OpenRawAsync(json);

        await AssertValidationProblem(response, field);
        await AssertNothingWritten();
    }

    [Fact]
    public async Task OpenCase_EmptyObject_ListsEveryMissingField()
    {
        var response = await factory.ClientFor(_tenant, "stadt-rietberg", "case_manager")
            .OpenRawAsync("""{ "person": {} }""");

        var errors = await AssertValidationProblem(response, "person.givenName");
        foreach (var field in new[] { "person.familyName", "person.birthDate", "person.residenceStatus", "person.municipality", "reachability" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    private static async Task<JsonElement> AssertValidationProblem(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"expected an error for '{field}', got {errors}");
        return errors;
    }

    private async Task AssertNothingWritten()
    {
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM cases WHERE tenant_id = @p0", _tenant));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE tenant_id = @p0", _tenant));
    }

    private static string Mutate(Action<JsonObject> change)
    {
        var body = JsonSerializer.SerializeToNode(CaseRequests.Valid())!.AsObject();
        change(body);
        return body.ToJsonString();
    }
}
