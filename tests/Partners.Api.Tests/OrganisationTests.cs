using System.Net;
using System.Net.Http.Json;
using KimPlatform.Partners.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Partners.Api.Tests;

[Collection(PartnersApiCollection.Name)]
public sealed class OrganisationTests(PartnersApiFactory factory)
{
    [Fact]
    public async Task RegisterOrganisation_ValidRequest_StoresEverythingAndPublishesOrganisationRegistered()
    {
        var tenant = TestEnvironment.NewTenant();
        await using var tap = await BrokerTap.StartAsync("OrganisationRegistered");

        var response = await factory.Coordinator(tenant).RegisterAsync("caritas-guetersloh");

        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        Assert.Equal("/api/partners/organisations/caritas-guetersloh", response.Headers.Location?.OriginalString);
        var read = await (await factory.Coordinator(tenant).GetAsync("/api/partners/organisations/caritas-guetersloh")).JsonAsync();
        Assert.Equal("welfare", read.GetProperty("kind").GetString());
        Assert.Equal(["sgb-ii", "asylblg"], read.GetProperty("legalDomains").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Gütersloh", read.GetProperty("address").GetProperty("city").GetString());
        var contact = read.GetProperty("contacts")[0];
        Assert.Equal("tuesday", contact.GetProperty("consultationHours")[0].GetProperty("day").GetString());
        Assert.Equal("09:00:00", contact.GetProperty("consultationHours")[0].GetProperty("opens").GetString());
        Assert.Equal(["de", "ar"], contact.GetProperty("languages").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["de", "ar", "tr"], read.GetProperty("languages").EnumerateArray().Select(e => e.GetString()));

        var published = await Eventually.GetAsync(() => Task.FromResult(tap.Messages.Where(m => m.GetProperty("tenantId").GetString() == tenant).ToList()),
            messages => messages.Count > 0);
        var registered = Assert.Single(published);
        Assert.Equal("caritas-guetersloh", registered.GetProperty("organisationId").GetString());
        Assert.Equal("welfare", registered.GetProperty("kind").GetString());
        Assert.DoesNotContain("mbe@example.org", registered.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterOrganisation_ExistingKey_Returns409()
    {
        var coordinator = factory.Coordinator(TestEnvironment.NewTenant());
        await coordinator.RegisterAsync("awo-rietberg");

        var again = await coordinator.PostAsJsonAsync("/api/partners/organisations", PartnerRequests.Organisation("awo-rietberg"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ChangeOrganisation_CurrentETag_ChangesAndPublishesOrganisationChanged()
    {
        var tenant = TestEnvironment.NewTenant();
        var coordinator = factory.Coordinator(tenant);
        await coordinator.RegisterAsync("jc-guetersloh", "jobcenter");
        await using var tap = await BrokerTap.StartAsync("OrganisationChanged");
        var body = PartnerRequests.Organisation("jc-guetersloh", "employment-agency");
        body["name"] = "Agentur für Arbeit Gütersloh";

        var response = await coordinator.PutAsync("/api/partners/organisations/jc-guetersloh", body, "\"1\"");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.Tag);
        Assert.Equal("employment-agency", (await response.JsonAsync()).GetProperty("kind").GetString());
        var changed = await Eventually.GetAsync(() => Task.FromResult(tap.Messages.Where(m => m.GetProperty("tenantId").GetString() == tenant).ToList()),
            messages => messages.Count > 0);
        Assert.Equal("employment-agency", Assert.Single(changed).GetProperty("kind").GetString());
        Assert.Equal(2, changed[0].GetProperty("version").GetInt64());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.PreconditionRequired)]
    [InlineData("*", HttpStatusCode.PreconditionRequired)]
    [InlineData("\"7\"", HttpStatusCode.PreconditionFailed)]
    public async Task ChangeOrganisation_MissingOrStaleIfMatch_IsRefusedAndChangesNothing(string? ifMatch, HttpStatusCode expected)
    {
        var tenant = TestEnvironment.NewTenant();
        var coordinator = factory.Coordinator(tenant);
        await coordinator.RegisterAsync("diakonie-gt");
        var body = PartnerRequests.Organisation("diakonie-gt");
        body["name"] = "Renamed";

        var response = await coordinator.PutAsync("/api/partners/organisations/diakonie-gt", body, ifMatch);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM organisations WHERE tenant_id = @p0 AND name = 'Renamed'", tenant));
    }

    [Fact]
    public async Task GetOrganisation_OtherTenant_Returns404()
    {
        await factory.Coordinator(TestEnvironment.NewTenant()).RegisterAsync("stadt-rietberg", "municipality");

        var response = await factory.Coordinator(TestEnvironment.NewTenant()).GetAsync("/api/partners/organisations/stadt-rietberg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ListOrganisations_TwoTenants_ListsOnlyTheCallersOwn()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("schule-a");
        await factory.Coordinator(TestEnvironment.NewTenant()).RegisterAsync("schule-b");

        var page = await (await factory.Coordinator(tenant).GetAsync("/api/partners/organisations")).JsonAsync();

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal("schule-a", page.GetProperty("items")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("kind", "\"bakery\"")]
    [InlineData("id", "\"Not A Key\"")]
    [InlineData("languages", "[\"xx\"]")]
    [InlineData("legalDomains", "[\"sgb-xx\"]")]
    public async Task RegisterOrganisation_BadInput_Returns400NamingTheFieldAndWritesNothing(string field, string json)
    {
        var tenant = TestEnvironment.NewTenant();
        var body = PartnerRequests.Organisation("verein-x");
        body[field] = System.Text.Json.Nodes.JsonNode.Parse(json);

        var response = await factory.Coordinator(tenant).PostAsJsonAsync("/api/partners/organisations", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains((await response.JsonAsync()).GetProperty("errors").EnumerateObject(),
            e => e.Name.TrimStart('$', '.').StartsWith(field, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM organisations WHERE tenant_id = @p0", tenant));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task RegisterOrganisation_PartnerStaff_Returns403()
    {
        var response = await factory.Staff(TestEnvironment.NewTenant(), "caritas").PostAsJsonAsync(
            "/api/partners/organisations", PartnerRequests.Organisation("caritas"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RegisterOrganisation_Anonymous_Returns401()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/partners/organisations", PartnerRequests.Organisation("caritas"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
