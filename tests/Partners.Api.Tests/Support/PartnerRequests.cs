using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KimPlatform.Partners.Api.Tests.Support;

/// <summary>Request bodies as a county's clients send them, and the calls the tests repeat.</summary>
internal static class PartnerRequests
{
    public static JsonObject Organisation(string id, string kind = "welfare") => new()
    {
        ["id"] = id,
        ["name"] = $"Organisation {id}",
        ["kind"] = kind,
        ["legalDomains"] = new JsonArray("sgb-ii", "asylblg"),
        ["address"] = new JsonObject { ["street"] = "Kirchstraße 1", ["postalCode"] = "33330", ["city"] = "Gütersloh", ["municipality"] = "Gütersloh" },
        ["contacts"] = new JsonArray(new JsonObject
        {
            ["name"] = "Migrationsberatung",
            ["role"] = "Beratungsstelle",
            ["email"] = "mbe@example.org",
            ["phone"] = "05241 000",
            ["languages"] = new JsonArray("de", "ar"),
            ["consultationHours"] = new JsonArray(new JsonObject { ["day"] = "tuesday", ["opens"] = "09:00:00", ["closes"] = "12:00:00" }),
        }),
        ["languages"] = new JsonArray("de", "ar", "tr"),
    };

    public static JsonObject Offer(string? organisationId = null, string title = "Sprachkurs für Eltern", string description = "Deutsch lernen.",
        bool published = true) => new()
    {
        ["organisationId"] = organisationId,
        ["title"] = new JsonObject { ["de"] = title },
        ["description"] = new JsonObject { ["de"] = description },
        ["topics"] = new JsonArray("language"),
        ["targetGroups"] = new JsonArray("families"),
        ["languages"] = new JsonArray("de"),
        ["municipalities"] = new JsonArray("Rietberg"),
        ["location"] = new JsonObject { ["name"] = "Rathaus", ["city"] = "Rietberg", ["latitude"] = 51.8, ["longitude"] = 8.43 },
        ["schedule"] = new JsonObject { ["byAppointment"] = true },
        ["accessibility"] = new JsonObject { ["wheelchairAccessible"] = true },
        ["capacity"] = 12,
        ["published"] = published,
    };

    public static async Task<HttpResponseMessage> RegisterAsync(this HttpClient coordinator, string id, string kind = "welfare")
    {
        var response = await coordinator.PostAsJsonAsync("/api/partners/organisations", Organisation(id, kind));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response;
    }

    /// <summary>Creates an offer and returns its id.</summary>
    public static async Task<Guid> CreateOfferAsync(this HttpClient client, JsonObject offer)
    {
        var response = await client.PostAsJsonAsync("/api/partners/offers", offer);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task<HttpResponseMessage> PutAsync(this HttpClient client, string uri, JsonObject body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}
