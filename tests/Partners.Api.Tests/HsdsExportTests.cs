using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KimPlatform.Partners.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Partners.Api.Tests;

[Collection(PartnersApiCollection.Name)]
public sealed class HsdsExportTests(PartnersApiFactory factory)
{
    // The "required" lists of the HSDS 3.0 JSON schemas (schema/organization.json, service.json, location.json,
    // service_at_location.json, language.json, schedule.json), as the specification publishes them.
    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["organizations"] = ["id", "name", "description"],
        ["services"] = ["id", "name", "status"],
        ["locations"] = ["id", "location_type"],
        ["service_at_locations"] = ["id"],
        ["languages"] = ["id"],
        ["schedules"] = ["id"],
    };

    private static readonly string[] ServiceStatuses = ["active", "inactive", "defunct", "temporarily closed"];
    private static readonly string[] LocationTypes = ["physical", "postal", "virtual"];

    [Fact]
    public async Task ExportHsds_PublishedOffers_HaveEveryRequiredFieldAndConsistentReferences()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        var weekly = PartnerRequests.Offer(title: "Müttercafé");
        weekly["schedule"] = JsonNode.Parse("""{ "byAppointment": false, "hours": [ { "day": "tuesday", "opens": "09:30:00", "closes": "11:30:00" } ] }""");
        weekly["languages"] = new JsonArray("de", "ar");
        var published = await factory.Staff(tenant, "caritas").CreateOfferAsync(weekly);
        await factory.Staff(tenant, "caritas").CreateOfferAsync(PartnerRequests.Offer(title: "Entwurf", published: false));
        await TenantWithAnotherOfferAsync();

        var response = await factory.CreateClient().GetAsync($"/api/partners/offers/hsds?tenant={tenant}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var export = await response.JsonAsync();
        foreach (var (table, fields) in Required)
        {
            foreach (var row in export.GetProperty(table).EnumerateArray())
            {
                foreach (var field in fields)
                {
                    Assert.True(row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0,
                        $"{table}.{field} is missing in {row}");
                }

                Assert.True(Guid.TryParse(row.GetProperty("id").GetString(), out _), $"{table}.id is not a UUID");
            }
        }

        var service = Assert.Single(export.GetProperty("services").EnumerateArray());
        Assert.Equal(published, service.GetProperty("id").GetGuid());
        Assert.Equal("Müttercafé", service.GetProperty("name").GetString());
        Assert.Contains(service.GetProperty("status").GetString(), ServiceStatuses);
        var organization = Assert.Single(export.GetProperty("organizations").EnumerateArray());
        Assert.Equal(organization.GetProperty("id").GetString(), service.GetProperty("organization_id").GetString());
        var location = Assert.Single(export.GetProperty("locations").EnumerateArray());
        Assert.Contains(location.GetProperty("location_type").GetString(), LocationTypes);
        var link = Assert.Single(export.GetProperty("service_at_locations").EnumerateArray());
        Assert.Equal(location.GetProperty("id").GetString(), link.GetProperty("location_id").GetString());
        Assert.Equal(["de", "ar"], export.GetProperty("languages").EnumerateArray().Select(l => l.GetProperty("code").GetString()));
        var schedule = Assert.Single(export.GetProperty("schedules").EnumerateArray());
        Assert.Equal(("WEEKLY", "TU", "09:30"), (schedule.GetProperty("freq").GetString(), schedule.GetProperty("byday").GetString(), schedule.GetProperty("opens_at").GetString()));
    }

    [Fact]
    public async Task ExportHsds_Twice_GivesTheSameIds()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        await factory.Staff(tenant, "caritas").CreateOfferAsync(PartnerRequests.Offer());

        var first = await (await factory.CreateClient().GetAsync($"/api/partners/offers/hsds?tenant={tenant}")).Content.ReadAsStringAsync();
        var second = await (await factory.CreateClient().GetAsync($"/api/partners/offers/hsds?tenant={tenant}")).Content.ReadAsStringAsync();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ExportHsds_WithoutTenant_Returns400()
    {
        var response = await factory.CreateClient().GetAsync("/api/partners/offers/hsds");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task TenantWithAnotherOfferAsync()
    {
        var other = TestEnvironment.NewTenant();
        await factory.Coordinator(other).RegisterAsync("caritas");
        await factory.Staff(other, "caritas").CreateOfferAsync(PartnerRequests.Offer(title: "Anderer Kreis"));
    }
}
