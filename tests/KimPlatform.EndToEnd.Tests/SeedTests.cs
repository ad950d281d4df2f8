using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.EndToEnd.Tests.Support;
using KimPlatform.Seed;
using KimPlatform.Testing;

namespace KimPlatform.EndToEnd.Tests;

/// <summary>`./kim seed` against the running stack, small: what it created is visible through the public API.</summary>
public sealed class SeedTests
{
    private static readonly string[] CaseManagingOrganisations = ["ki-guetersloh", "stadt-guetersloh", "stadt-rietberg", "caritas-guetersloh", "diakonie-guetersloh"];

    [Fact]
    public async Task RunAsync_SmallCountyTwice_SeedsVisibleDataOnceAndThenSkips()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var options = new SeedOptions(TestEnvironment.Gateway, TestEnvironment.StackSigningKey, Cases: 12, TenantSuffix: suffix);
        var guetersloh = $"kreis-guetersloh-{suffix}";

        var summary = await Seeder.RunAsync(options, TextWriter.Null);

        Assert.Equal([guetersloh, $"rhein-erft-kreis-{suffix}"], summary.SeededTenants);
        Assert.True(summary.Count(guetersloh, "referrals") > 0, summary.Render());

        // The public finds the offers without a token, in German and in the languages they were written in.
        var directory = Stack.Gateway();
        var courses = await directory.GetFromJsonAsync<JsonElement>($"/api/partners/offers?tenant={guetersloh}&q=integrationskurs&lang=ar");
        var course = Assert.Single(courses.GetProperty("items").EnumerateArray());
        Assert.Equal("دورة اندماج مع محو الأمية", course.GetProperty("title").GetString());
        var all = await directory.GetFromJsonAsync<JsonElement>($"/api/partners/offers?tenant={guetersloh}&pageSize=200");
        Assert.Equal(summary.Count(guetersloh, "offers"), all.GetProperty("total").GetInt32());

        // Every case the seed opened is in its organisation's case list.
        var listed = 0;
        foreach (var organisation in CaseManagingOrganisations)
        {
            var page = await Stack.Gateway(guetersloh, organisation, "case_manager").GetFromJsonAsync<JsonElement>("/api/cases?pageSize=200");
            listed += page.GetProperty("total").GetInt32();
        }

        Assert.Equal(summary.Count(guetersloh, "cases"), listed);

        // The partners' answers crossed back to the cases: as many completed referrals as the summary counts.
        var expected = summary.Count(guetersloh, "referrals completed");
        var completed = await Eventually.GetAsync(() => CountCompletedReferralsAsync(guetersloh), count => count == expected);
        Assert.Equal(expected, completed);

        var events = await directory.GetFromJsonAsync<JsonElement>($"/api/events?tenant={guetersloh}");
        Assert.Equal(2, events.GetProperty("total").GetInt32());

        var again = await Seeder.RunAsync(options, TextWriter.Null);
        Assert.Empty(again.SeededTenants);
        Assert.Equal(summary.SeededTenants, again.SkippedTenants);
    }

    private static async Task<int> CountCompletedReferralsAsync(string tenant)
    {
        var completed = 0;
        foreach (var organisation in CaseManagingOrganisations)
        {
            var caseManager = Stack.Gateway(tenant, organisation, "case_manager");
            var page = await caseManager.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=200");
            foreach (var item in page.GetProperty("items").EnumerateArray())
            {
                var one = await caseManager.GetFromJsonAsync<JsonElement>($"/api/cases/{item.GetProperty("id").GetGuid()}");
                completed += one.GetProperty("referrals").EnumerateArray().Count(r => r.GetProperty("status").GetString() == "completed");
            }
        }

        return completed;
    }
}
