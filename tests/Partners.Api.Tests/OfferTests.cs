using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KimPlatform.Partners.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Partners.Api.Tests;

[Collection(PartnersApiCollection.Name)]
public sealed class OfferTests(PartnersApiFactory factory)
{
    [Fact]
    public async Task CreateOffer_PartnerStaff_BelongsToTheirOrganisationWhateverTheBodySays()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        await factory.Coordinator(tenant).RegisterAsync("awo");

        var id = await factory.Staff(tenant, "caritas").CreateOfferAsync(PartnerRequests.Offer("awo"));

        var read = await (await factory.Staff(tenant, "caritas").GetAsync($"/api/partners/offers/{id}")).JsonAsync();
        Assert.Equal("caritas", read.GetProperty("organisationId").GetString());
        Assert.Equal(51.8, read.GetProperty("location").GetProperty("latitude").GetDouble());
        Assert.True(read.GetProperty("schedule").GetProperty("byAppointment").GetBoolean());
        Assert.Equal(12, read.GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task ChangeOffer_StaffOfAnotherOrganisation_Returns404AndChangesNothing()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        await factory.Coordinator(tenant).RegisterAsync("awo");
        var id = await factory.Staff(tenant, "caritas").CreateOfferAsync(PartnerRequests.Offer());
        var awo = factory.Staff(tenant, "awo");

        var changed = await awo.PutAsync($"/api/partners/offers/{id}", PartnerRequests.Offer(title: "Übernommen"), "\"1\"");
        var read = await awo.GetAsync($"/api/partners/offers/{id}");

        Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT version FROM offers WHERE id = @p0", id));
    }

    [Fact]
    public async Task ChangeOffer_Coordinator_ChangesAnyOfferOfTheTenant()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        var id = await factory.Staff(tenant, "caritas").CreateOfferAsync(PartnerRequests.Offer());

        var changed = await factory.Coordinator(tenant).PutAsync($"/api/partners/offers/{id}", PartnerRequests.Offer(title: "Sprachcafé"), "\"1\"");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("\"2\"", changed.Headers.ETag?.Tag);
        Assert.Equal("Sprachcafé", (await changed.JsonAsync()).GetProperty("title").GetProperty("de").GetString());
    }

    [Fact]
    public async Task ChangeOffer_OtherTenantsCoordinator_Returns404()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        var id = await factory.Staff(tenant, "caritas").CreateOfferAsync(PartnerRequests.Offer());

        var changed = await factory.Coordinator(TestEnvironment.NewTenant()).PutAsync($"/api/partners/offers/{id}", PartnerRequests.Offer(), "\"1\"");

        Assert.Equal(HttpStatusCode.NotFound, changed.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.PreconditionRequired)]
    [InlineData("\"5\"", HttpStatusCode.PreconditionFailed)]
    public async Task ChangeOffer_MissingOrStaleIfMatch_IsRefused(string? ifMatch, HttpStatusCode expected)
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        var id = await factory.Staff(tenant, "caritas").CreateOfferAsync(PartnerRequests.Offer());

        var changed = await factory.Staff(tenant, "caritas").PutAsync($"/api/partners/offers/{id}", PartnerRequests.Offer(), ifMatch);

        Assert.Equal(expected, changed.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT version FROM offers WHERE id = @p0", id));
    }

    [Fact]
    public async Task ChangeOffer_PublishThenUnpublish_PublishesOfferPublishedThenOfferWithdrawn()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        await using var published = await BrokerTap.StartAsync("OfferPublished");
        await using var withdrawn = await BrokerTap.StartAsync("OfferWithdrawn");
        var staff = factory.Staff(tenant, "caritas");
        var id = await staff.CreateOfferAsync(PartnerRequests.Offer(published: false));

        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsync($"/api/partners/offers/{id}", PartnerRequests.Offer(published: true), "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsync($"/api/partners/offers/{id}", PartnerRequests.Offer(published: false), "\"2\"")).StatusCode);

        var ofTenant = (BrokerTap tap) => tap.Messages.Where(m => m.GetProperty("tenantId").GetString() == tenant).ToList();
        var publishedEvents = await Eventually.GetAsync(() => Task.FromResult(ofTenant(published)), m => m.Count > 0);
        var withdrawnEvents = await Eventually.GetAsync(() => Task.FromResult(ofTenant(withdrawn)), m => m.Count > 0);
        var publishedEvent = Assert.Single(publishedEvents);
        Assert.Equal(2, publishedEvent.GetProperty("version").GetInt64());
        Assert.Equal(["language"], publishedEvent.GetProperty("topics").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(3, Assert.Single(withdrawnEvents).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task CreateOffer_ArabicAndUkrainianTexts_RoundTripByteForByte()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        const string arabicTitle = "دورة اللغة الألمانية للأمهات";
        const string arabicDescription = "تعلّم الألمانية مع رعاية الأطفال، كل ثلاثاء ١٠:٠٠–١٢:٠٠ (\u200Fمجاناً\u200F).";
        const string ukrainianTitle = "Курс німецької мови для батьків";
        const string ukrainianDescription = "Вивчайте німецьку з доглядом за дітьми: щовівторка, безкоштовно. Ґанок, їжак, є.";
        var offer = PartnerRequests.Offer();
        offer["title"]!["ar"] = arabicTitle;
        offer["description"]!["ar"] = arabicDescription;
        offer["title"]!["uk"] = ukrainianTitle;
        offer["description"]!["uk"] = ukrainianDescription;
        var staff = factory.Staff(tenant, "caritas");

        var id = await staff.CreateOfferAsync(offer);

        var read = await (await staff.GetAsync($"/api/partners/offers/{id}")).JsonAsync();
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(arabicTitle), System.Text.Encoding.UTF8.GetBytes(read.GetProperty("title").GetProperty("ar").GetString()!));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(arabicDescription), System.Text.Encoding.UTF8.GetBytes(read.GetProperty("description").GetProperty("ar").GetString()!));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(ukrainianTitle), System.Text.Encoding.UTF8.GetBytes(read.GetProperty("title").GetProperty("uk").GetString()!));
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(ukrainianDescription), System.Text.Encoding.UTF8.GetBytes(read.GetProperty("description").GetProperty("uk").GetString()!));
        var shown = (await (await factory.CreateClient().GetAsync($"/api/partners/offers?tenant={tenant}&lang=ar")).JsonAsync()).GetProperty("items")[0];
        Assert.Equal(arabicDescription, shown.GetProperty("description").GetString());
        Assert.False(shown.GetProperty("fallback").GetBoolean());
    }

    [Theory]
    [InlineData("null")]
    [InlineData("missing")]
    public async Task CreateOffer_NoMunicipalities_IsCreatedForTheWholeTenant(string how)
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        var offer = PartnerRequests.Offer();
        if (how == "null")
        {
            offer["municipalities"] = null;
        }
        else
        {
            offer.Remove("municipalities");
        }

        var id = await factory.Staff(tenant, "caritas").CreateOfferAsync(offer);

        var read = await (await factory.Staff(tenant, "caritas").GetAsync($"/api/partners/offers/{id}")).JsonAsync();
        Assert.Equal(0, read.GetProperty("municipalities").GetArrayLength());
    }

    public static TheoryData<string, string> BadOffers => new()
    {
        { "location.latitude", """{ "name": "Rathaus", "latitude": 151.8, "longitude": 8.43 }""" },
        { "location.longitude", """{ "name": "Rathaus", "latitude": 51.8, "longitude": -200 }""" },
        { "description.de", "\"" + new string('x', 100 * 1024) + "\"" },
        { "title.xx", """{ "de": "Sprachkurs", "xx": "Kurs" }""" },
        { "languages[1]", """["de", "klingon"]""" },
        { "targetGroups", """["aliens"]""" },
    };

    [Theory]
    [MemberData(nameof(BadOffers))]
    public async Task CreateOffer_BadInput_Returns400NamingTheFieldAndWritesNothing(string field, string json)
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        var offer = PartnerRequests.Offer();
        var (property, inner) = field.Split('.') is [var p, var i] && !p.Contains('[', StringComparison.Ordinal) ? (p, i) : (field.Split('[')[0], null);
        if (inner is not null && property is "description")
        {
            offer[property]![inner] = JsonNode.Parse(json);
        }
        else
        {
            offer[property] = JsonNode.Parse(json);
        }

        var response = await factory.Staff(tenant, "caritas").PostAsJsonAsync("/api/partners/offers", offer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains(errors, name => name.TrimStart('$', '.').StartsWith(field.Split('[')[0], StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM offers WHERE tenant_id = @p0", tenant));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE tenant_id = @p0 AND message_type LIKE 'Offer%'", tenant));
    }

    [Fact]
    public async Task CreateOffer_UnregisteredOrganisation_Returns400()
    {
        var response = await factory.Staff(TestEnvironment.NewTenant(), "unbekannt").PostAsJsonAsync("/api/partners/offers", PartnerRequests.Offer());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task WriteOffer_Anonymous_Returns401()
    {
        var anonymous = factory.CreateClient();

        var created = await anonymous.PostAsJsonAsync("/api/partners/offers", PartnerRequests.Offer());
        var changed = await anonymous.PutAsync($"/api/partners/offers/{Guid.NewGuid()}", PartnerRequests.Offer(), "\"1\"");

        Assert.Equal(HttpStatusCode.Unauthorized, created.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, changed.StatusCode);
    }

    [Fact]
    public async Task CreateOffer_CaseManager_Returns403()
    {
        var response = await factory.ClientFor(TestEnvironment.NewTenant(), "kreis-kim", "case_manager")
            .PostAsJsonAsync("/api/partners/offers", PartnerRequests.Offer());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
