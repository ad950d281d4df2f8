using System.Net;
using System.Text.Json.Nodes;
using KimPlatform.Partners.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Partners.Api.Tests;

/// <summary><c>GET /api/partners/offers/{id}/published</c>: the portal's offer page, one item of the directory.</summary>
[Collection(PartnersApiCollection.Name)]
public sealed class PublishedOfferTests(PartnersApiFactory factory)
{
    private async Task<(string Tenant, Guid Offer)> OfferAsync(JsonObject offer)
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        return (tenant, await factory.Staff(tenant, "caritas").CreateOfferAsync(offer));
    }

    [Fact]
    public async Task GetPublishedOffer_Anonymous_ReturnsTheDirectorysItemInTheAskedLanguage()
    {
        var request = PartnerRequests.Offer(title: "Sprachkurs", description: "Deutsch lernen.");
        request["title"]!["ar"] = "دورة لغة";
        request["description"]!["ar"] = "تعلم الألمانية.";
        var (tenant, id) = await OfferAsync(request);
        var anonymous = factory.CreateClient();

        var response = await anonymous.GetAsync($"/api/partners/offers/{id}/published?tenant={tenant}&lang=ar");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var offer = await response.JsonAsync();
        var listed = (await (await anonymous.GetAsync($"/api/partners/offers?tenant={tenant}&lang=ar")).JsonAsync()).GetProperty("items")[0];

        Assert.Equal("دورة لغة", offer.GetProperty("title").GetString());
        Assert.False(offer.GetProperty("fallback").GetBoolean());
        // The same shape as the directory's item, value for value.
        Assert.Equal(listed.GetRawText(), offer.GetRawText());
        var ukrainian = await (await anonymous.GetAsync($"/api/partners/offers/{id}/published?tenant={tenant}&lang=uk")).JsonAsync();
        Assert.Equal("Sprachkurs", ukrainian.GetProperty("title").GetString());
        Assert.True(ukrainian.GetProperty("fallback").GetBoolean());
    }

    [Fact]
    public async Task GetPublishedOffer_Unpublished_Returns404()
    {
        var (tenant, id) = await OfferAsync(PartnerRequests.Offer(title: "Entwurf", published: false));

        var response = await factory.CreateClient().GetAsync($"/api/partners/offers/{id}/published?tenant={tenant}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetPublishedOffer_AnotherTenantNamed_Returns404()
    {
        var (_, id) = await OfferAsync(PartnerRequests.Offer(title: "Sprachkurs Kreis A"));
        var other = TestEnvironment.NewTenant();

        var anonymous = await factory.CreateClient().GetAsync($"/api/partners/offers/{id}/published?tenant={other}");
        // A token's tenant wins over the parameter.
        var signedIn = await factory.Coordinator(other).GetAsync($"/api/partners/offers/{id}/published");

        Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, signedIn.StatusCode);
    }

    [Theory]
    [InlineData("", "tenant")]
    [InlineData("tenant=kreis-x&lang=xx", "lang")]
    [InlineData("tenant=Not%20A%20Key", "tenant")]
    public async Task GetPublishedOffer_BadParameter_Returns400NamingIt(string query, string field)
    {
        var response = await factory.CreateClient().GetAsync($"/api/partners/offers/{Guid.CreateVersion7()}/published?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
