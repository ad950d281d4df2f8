using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Partners.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Partners.Api.Tests;

[Collection(PartnersApiCollection.Name)]
public sealed class WorkingGroupSignupTests(PartnersApiFactory factory)
{
    private async Task<Guid> CreateBodyAsync(string tenant, string name, bool open)
    {
        var response = await factory.Coordinator(tenant).PostAsJsonAsync("/api/partners/bodies", new
        {
            kind = open ? "working-group" : "steering-committee", name, topics = new[] { "language" }, meetingRhythm = "alle acht Wochen",
            openForSignup = open,
            members = new[] { new { organisationId = "caritas", representative = "Frau Meier", deputy = "Herr Yilmaz" } },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    private Task<HttpResponseMessage> SignUpAsync(string tenant, string email, params Guid[] bodyIds) =>
        factory.CreateClient().PostAsJsonAsync($"/api/partners/bodies/signups?tenant={tenant}",
            new { name = "Leyla Demir", email, organisation = "Elternverein", bodyIds, consent = true });

    [Fact]
    public async Task ListOpenBodies_Anonymous_ShowsOnlyOpenGroupsOfTheTenantWithoutMembers()
    {
        var tenant = TestEnvironment.NewTenant();
        await CreateBodyAsync(tenant, "AK Sprache", open: true);
        await CreateBodyAsync(tenant, "Lenkungsgruppe", open: false);
        await CreateBodyAsync(TestEnvironment.NewTenant(), "AK Anderswo", open: true);

        var open = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/partners/bodies/open?tenant={tenant}");

        var body = Assert.Single(open.EnumerateArray());
        Assert.Equal("AK Sprache", body.GetProperty("name").GetString());
        Assert.False(body.TryGetProperty("members", out _));
    }

    [Fact]
    public async Task SignUp_SameEmailForTheSameGroupTwice_Returns409()
    {
        var tenant = TestEnvironment.NewTenant();
        var group = await CreateBodyAsync(tenant, "AK Arbeit", open: true);

        var first = await SignUpAsync(tenant, "leyla@example.org", group);
        var second = await SignUpAsync(tenant, "LEYLA@example.org", group);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM body_signups WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task SignUp_ClosedGroupOrNoConsent_IsRefusedAndStoresNothing()
    {
        var tenant = TestEnvironment.NewTenant();
        var closed = await CreateBodyAsync(tenant, "Lenkungsgruppe", open: false);
        var open = await CreateBodyAsync(tenant, "AK Wohnen", open: true);

        var toClosed = await SignUpAsync(tenant, "a@example.org", open, closed);
        var withoutConsent = await factory.CreateClient().PostAsJsonAsync($"/api/partners/bodies/signups?tenant={tenant}",
            new { name = "X", email = "x@example.org", bodyIds = new[] { open }, consent = false });

        Assert.Equal(HttpStatusCode.BadRequest, toClosed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutConsent.StatusCode);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM body_signups WHERE tenant_id = @p0", tenant));
    }

    [Fact]
    public async Task AcceptSignup_Coordinator_MakesTheSignerAMember()
    {
        var tenant = TestEnvironment.NewTenant();
        var group = await CreateBodyAsync(tenant, "AK Gesundheit", open: true);
        Assert.Equal(HttpStatusCode.Created, (await SignUpAsync(tenant, "leyla@example.org", group)).StatusCode);
        var coordinator = factory.Coordinator(tenant);
        var signup = (await coordinator.GetFromJsonAsync<JsonElement>("/api/partners/bodies/signups?status=pending"))[0].GetProperty("id").GetGuid();

        var accepted = await coordinator.PostAsync($"/api/partners/bodies/signups/{signup}/accept", null);
        var again = await coordinator.PostAsync($"/api/partners/bodies/signups/{signup}/decline", null);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var members = (await coordinator.GetFromJsonAsync<JsonElement>($"/api/partners/bodies/{group}")).GetProperty("members");
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("representative").GetString() == "Leyla Demir");
    }

    [Fact]
    public async Task ReviewSignups_PartnerStaffOrAnonymous_IsRefused()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.Staff(TestEnvironment.NewTenant(), "caritas").GetAsync("/api/partners/bodies/signups")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/partners/bodies/signups")).StatusCode);
    }
}
