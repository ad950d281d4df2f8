using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KimPlatform.Partners.Api.Tests.Support;
using KimPlatform.Testing;
using KimPlatform.Data;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KimPlatform.Partners.Api.Tests;

[Collection(PartnersApiCollection.Name)]
public sealed class DirectoryTests(PartnersApiFactory factory)
{
    /// <summary>A tenant with one registered organisation whose staff creates the given offers.</summary>
    private async Task<string> TenantWithOffersAsync(params JsonObject[] offers)
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        foreach (var offer in offers)
        {
            await factory.Staff(tenant, "caritas").CreateOfferAsync(offer);
        }

        return tenant;
    }

    private async Task<JsonElement> SearchAsync(string query, HttpClient? client = null)
    {
        var response = await (client ?? factory.CreateClient()).GetAsync($"/api/partners/offers?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private async Task<List<string>> TitlesAsync(string query, HttpClient? client = null) =>
        (await SearchAsync(query, client)).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("title").GetString()!).ToList();

    [Theory]
    [InlineData("Sprachkurs am Abend", "Sprachkurse")]
    [InlineData("Sprachkurse am Abend", "Sprachkurs")]
    [InlineData("Beratung für Frauen", "frauen beratung")]
    [InlineData("Müttercafé im Stadtteil", "muettercafe")]
    [InlineData("Müttercafé im Stadtteil", "Muttercafe")]
    [InlineData("Muettercafe im Stadtteil", "Müttercafé")]
    [InlineData("Café für Väter", "vaeter cafe")]
    [InlineData("Sprachkurs am Abend", "SPRACHKURS")]
    [InlineData("Straßenfest für alle", "strassenfest")]
    [InlineData("دورة اندماج صباحية", "اندماج")]
    public async Task SearchDirectory_GermanVariantOfTheWords_FindsTheOffer(string title, string q)
    {
        var tenant = await TenantWithOffersAsync(PartnerRequests.Offer(title: title), PartnerRequests.Offer(title: "Fahrradwerkstatt"));

        var titles = await TitlesAsync($"tenant={tenant}&q={Uri.EscapeDataString(q)}");

        Assert.Equal([title], titles);
    }

    [Theory]
    [InlineData("frauen fahrrad")]
    [InlineData("Sprachkurs")]
    [InlineData("für")]
    public async Task SearchDirectory_NotEveryWordInTheOffer_FindsNothing(string q)
    {
        var tenant = await TenantWithOffersAsync(PartnerRequests.Offer(title: "Beratung für Frauen", description: "Offene Sprechstunde."));

        Assert.Empty(await TitlesAsync($"tenant={tenant}&q={Uri.EscapeDataString(q)}"));
    }

    [Fact]
    public async Task SearchDirectory_WordInTheDescriptionOnly_FindsTheOffer()
    {
        var tenant = await TenantWithOffersAsync(
            PartnerRequests.Offer(title: "Treffpunkt", description: "Wir helfen bei Anträgen an das Jobcenter."),
            PartnerRequests.Offer(title: "Nähkurs"));

        Assert.Equal(["Treffpunkt"], await TitlesAsync($"tenant={tenant}&q=Antrag"));
    }

    [Fact]
    public async Task SearchDirectory_FiltersCombined_ReturnOnlyOffersMatchingAll()
    {
        JsonObject Offer(string title, string topic, string language, string municipality, string targetGroup)
        {
            var offer = PartnerRequests.Offer(title: title);
            offer["topics"] = new JsonArray(topic);
            offer["languages"] = new JsonArray("de", language);
            offer["municipalities"] = new JsonArray(municipality);
            offer["targetGroups"] = new JsonArray(targetGroup);
            return offer;
        }

        var tenant = await TenantWithOffersAsync(
            Offer("Alle passen", "counselling", "ar", "Rietberg", "women"),
            Offer("Falsches Thema", "language", "ar", "Rietberg", "women"),
            Offer("Falsche Sprache", "counselling", "tr", "Rietberg", "women"),
            Offer("Falscher Ort", "counselling", "ar", "Verl", "women"),
            Offer("Falsche Gruppe", "counselling", "ar", "Rietberg", "youth"));

        var titles = await TitlesAsync($"tenant={tenant}&topic=counselling&language=ar&municipality=Rietberg&targetGroup=women");

        Assert.Equal(["Alle passen"], titles);
        Assert.Equal(5, (await SearchAsync($"tenant={tenant}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SearchDirectory_UnpublishedOffer_NeverListed()
    {
        var tenant = await TenantWithOffersAsync(
            PartnerRequests.Offer(title: "Sprachkurs öffentlich"), PartnerRequests.Offer(title: "Sprachkurs Entwurf", published: false));

        Assert.Equal(["Sprachkurs öffentlich"], await TitlesAsync($"tenant={tenant}&q=Sprachkurs"));
        Assert.Equal(["Sprachkurs öffentlich"], await TitlesAsync($"tenant={tenant}"));
        Assert.Equal(["Sprachkurs öffentlich"], await TitlesAsync("q=Sprachkurs", factory.Coordinator(tenant)));
    }

    [Fact]
    public async Task SearchDirectory_AnotherTenantsOffers_NeverListed()
    {
        var mine = await TenantWithOffersAsync(PartnerRequests.Offer(title: "Sprachkurs Kreis A"));
        var theirs = await TenantWithOffersAsync(PartnerRequests.Offer(title: "Sprachkurs Kreis B"));

        Assert.Equal(["Sprachkurs Kreis A"], await TitlesAsync($"tenant={mine}&q=Sprachkurs"));
        // A token's tenant wins over the parameter: a caller cannot read another tenant's directory by naming it.
        Assert.Equal(["Sprachkurs Kreis B"], await TitlesAsync($"tenant={mine}&q=Sprachkurs", factory.Coordinator(theirs)));
    }

    [Fact]
    public async Task SearchDirectory_LanguageMissing_FallsBackToGermanAndSaysSo()
    {
        var offer = PartnerRequests.Offer(title: "Sprachkurs", description: "Deutsch lernen.");
        offer["title"]!["ar"] = "دورة لغة";
        offer["description"]!["ar"] = "تعلم الألمانية.";
        var tenant = await TenantWithOffersAsync(offer);

        var ukrainian = (await SearchAsync($"tenant={tenant}&lang=uk")).GetProperty("items")[0];
        var arabic = (await SearchAsync($"tenant={tenant}&lang=ar")).GetProperty("items")[0];

        Assert.Equal("de", ukrainian.GetProperty("language").GetString());
        Assert.True(ukrainian.GetProperty("fallback").GetBoolean());
        Assert.Equal("Deutsch lernen.", ukrainian.GetProperty("description").GetString());
        Assert.Equal("ar", arabic.GetProperty("language").GetString());
        Assert.False(arabic.GetProperty("fallback").GetBoolean());
        Assert.Equal("تعلم الألمانية.", arabic.GetProperty("description").GetString());
    }

    [Fact]
    public async Task SearchDirectory_SecondPage_HoldsTheRestAndTheTotal()
    {
        var tenant = await TenantWithOffersAsync(
            PartnerRequests.Offer(title: "Eins"), PartnerRequests.Offer(title: "Zwei"), PartnerRequests.Offer(title: "Drei"));

        var first = await SearchAsync($"tenant={tenant}&page=1&pageSize=2");
        var second = await SearchAsync($"tenant={tenant}&page=2&pageSize=2");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("pageSize").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
    }

    [Theory]
    [InlineData("q=Sprachkurs", "tenant")]
    [InlineData("tenant=kreis-x&lang=xx", "lang")]
    [InlineData("tenant=kreis-x&language=qq", "language")]
    [InlineData("tenant=kreis-x&targetGroup=aliens", "targetGroup")]
    [InlineData("tenant=kreis-x&pageSize=500", "pageSize")]
    public async Task SearchDirectory_BadParameter_Returns400NamingIt(string query, string field)
    {
        var response = await factory.CreateClient().GetAsync($"/api/partners/offers?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task SearchDirectory_OfferUnpublishedLater_LeavesTheDirectory()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        var id = await factory.Staff(tenant, "caritas").CreateOfferAsync(PartnerRequests.Offer(title: "Sprachkurs"));

        var changed = await factory.Staff(tenant, "caritas")
            .PutAsync($"/api/partners/offers/{id}", PartnerRequests.Offer(title: "Sprachkurs", published: false), "\"1\"");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Empty(await TitlesAsync($"tenant={tenant}&q=Sprachkurs"));
        Assert.Equal(0, (await SearchAsync($"tenant={tenant}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task SearchDirectory_OfferEdited_FoundByItsNewWordsOnly()
    {
        var tenant = TestEnvironment.NewTenant();
        await factory.Coordinator(tenant).RegisterAsync("caritas");
        var id = await factory.Staff(tenant, "caritas").CreateOfferAsync(PartnerRequests.Offer(title: "Sprachkurs"));

        var changed = await factory.Staff(tenant, "caritas")
            .PutAsync($"/api/partners/offers/{id}", PartnerRequests.Offer(title: "Nähwerkstatt", description: "Nähen lernen."), "\"1\"");

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(["Nähwerkstatt"], await TitlesAsync($"tenant={tenant}&q=naehwerkstatt"));
        Assert.Empty(await TitlesAsync($"tenant={tenant}&q=Sprachkurs"));
    }

    [Fact]
    public async Task SearchDirectory_MoreMatchesThanTheCap_SaysTheTotalIsCapped()
    {
        var tenant = await TenantWithOffersAsync(PartnerRequests.Offer(title: "Sprachkurs"), PartnerRequests.Offer(title: "Nähwerkstatt"));
        await CopyOffersAsync(tenant, "Sprachkurs", 1000);

        var all = await SearchAsync($"tenant={tenant}");
        var found = await SearchAsync($"tenant={tenant}&q=Sprachkurs&page=3");
        var few = await SearchAsync($"tenant={tenant}&q=Nähwerkstatt");

        Assert.Equal(1000, all.GetProperty("total").GetInt32());
        Assert.True(all.GetProperty("totalCapped").GetBoolean());
        Assert.Equal(1000, found.GetProperty("total").GetInt32());
        Assert.True(found.GetProperty("totalCapped").GetBoolean());
        Assert.Equal(50, found.GetProperty("items").GetArrayLength());
        Assert.Equal(1, few.GetProperty("total").GetInt32());
        Assert.False(few.GetProperty("totalCapped").GetBoolean());
    }

    [Fact]
    public async Task SearchDirectory_ExactlyTheCapMatch_CountsThemExactly()
    {
        var tenant = await TenantWithOffersAsync(PartnerRequests.Offer(title: "Sprachkurs"));
        await CopyOffersAsync(tenant, "Sprachkurs", 999);

        var all = await SearchAsync($"tenant={tenant}&pageSize=200&page=5");

        Assert.Equal(1000, all.GetProperty("total").GetInt32());
        Assert.False(all.GetProperty("totalCapped").GetBoolean());
        Assert.Equal(200, all.GetProperty("items").GetArrayLength());
    }

    /// <summary>Copies the tenant's offer with this German title, as the database's owner (faster than the API).</summary>
    private async Task CopyOffersAsync(string tenant, string title, int copies)
    {
        await using var connection = new NpgsqlConnection(factory.OwnerConnectionString);
        await connection.OpenAsync();
        await using var copy = new NpgsqlCommand("""
            INSERT INTO offers (id, tenant_id, organisation_id, topics, target_groups, languages, municipalities, by_appointment,
                schedule_note, capacity, published, search_text, version, created_at, changed_at, accessibility, location, schedule, texts)
            SELECT gen_random_uuid(), tenant_id, organisation_id, topics, target_groups, languages, municipalities, by_appointment,
                schedule_note, capacity, published, search_text, 1, now(), now(), accessibility, location, schedule, texts
            FROM offers, generate_series(1, @copies)
            WHERE tenant_id = @tenant AND split_part(search_text, E'\n', 1) = @title
            """, connection);
        copy.Parameters.AddWithValue("tenant", tenant);
        copy.Parameters.AddWithValue("title", title);
        copy.Parameters.AddWithValue("copies", copies);
        Assert.Equal(copies, await copy.ExecuteNonQueryAsync());
    }

    [Theory]
    [InlineData("o.search_vector @@ kim_search_query('Sprachkurse für Frauen')", "ix_directory_entries_search_vector")]
    [InlineData("o.topics @> ARRAY['language']::text[]", "ix_directory_entries_topics")]
    [InlineData("o.municipalities @> ARRAY['Rietberg']::text[]", "ix_directory_entries_municipalities")]
    public async Task DirectoryView_SearchAsTheRuntimeRole_IsAnsweredByTheIndex(string condition, string index)
    {
        var tenant = await TenantWithOffersAsync(PartnerRequests.Offer(title: "Sprachkurse für Frauen"));
        var runtimeRole = factory.Services.GetRequiredService<ServiceDatabase>().RuntimeUser;
        await using var connection = new NpgsqlConnection(factory.OwnerConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // As the service queries: its own role (under row-level security) with the tenant set. With sequential scans
        // priced out, the planner still scans when no index may answer the condition; the tenant's own index, which
        // could answer the view's tenant condition instead, is dropped for this transaction (rolled back).
        await using (var setup = new NpgsqlCommand(
            $"DROP INDEX ix_directory_entries_recent; SET LOCAL ROLE {runtimeRole}; SET LOCAL enable_seqscan = off; " +
            "SELECT set_config('kim.tenant', @tenant, true)", connection, transaction))
        {
            setup.Parameters.AddWithValue("tenant", tenant);
            await setup.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand($"EXPLAIN SELECT o.id FROM directory o WHERE o.tenant_id = @tenant AND {condition}", connection, transaction);
        explain.Parameters.AddWithValue("tenant", tenant);
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.True(plan.Exists(line => line.Contains(index, StringComparison.Ordinal)), string.Join('\n', plan));
    }
}
