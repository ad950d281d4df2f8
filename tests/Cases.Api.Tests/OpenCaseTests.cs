using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class OpenCaseTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task OpenCase_ValidRequest_Returns201WithLocationAndETag_AndStoresCaseWithItsEvent()
    {
        var client = factory.ClientFor(_tenant, "stadt-rietberg", "case_manager");

        var response = await client.OpenAsync(CaseRequests.Valid());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal("intake", body.GetProperty("phase").GetString());
        Assert.Equal(1, body.GetProperty("version").GetInt64());
        Assert.Equal($"/api/cases/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM cases WHERE id = @p0 AND tenant_id = @p1 AND organisation_id = 'stadt-rietberg'", id, _tenant));

        // The event carries categories only: no name or birth date leaves the case service.
        var payload = await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE tenant_id = @p0 AND message_type = 'CaseOpened' AND payload->>'caseId' = @p1 AND payload->>'ageBand' IS NOT NULL AND payload::text NOT LIKE '%Kovalenko%' AND payload::text NOT LIKE '%1988%'",
            _tenant, id.ToString());
        Assert.Equal(1, payload);
    }

    [Fact]
    public async Task OpenCase_WithoutToken_Returns401ProblemJson()
    {
        var response = await factory.CreateClient().OpenAsync(CaseRequests.Valid());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task OpenCase_TokenSignedWithAnotherKey_Returns401()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Bearer", DevTokens.Create(DevTokens.NewKey(), _tenant, "stadt-rietberg", "case_manager"));

        var response = await client.OpenAsync(CaseRequests.Valid());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM cases WHERE tenant_id = @p0", _tenant));
    }

    [Theory]
    [InlineData("coordinator")]
    [InlineData("partner_staff")]
    [InlineData("tenant_admin")]
    public async Task OpenCase_WithoutCaseManagerRole_Returns403(string role)
    {
        var response = await factory.ClientFor(_tenant, "stadt-rietberg", role).OpenAsync(CaseRequests.Valid());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM cases WHERE tenant_id = @p0", _tenant));
    }
}
