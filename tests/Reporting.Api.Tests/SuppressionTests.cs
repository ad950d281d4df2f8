using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Reporting.Api.Tests;

[Collection(ReportingApiCollection.Name)]
public sealed class SuppressionTests(ReportingApiFactory factory)
{
    [Fact]
    public async Task TenantThresholdOverride_SuppressesCountsBelowIt_WhileOtherTenantsKeepTheDefault()
    {
        var strict = factory.TenantWithThresholdThree;
        var other = TestEnvironment.NewTenant();
        await factory.DeliverAsync(OpenedCases(strict, "Rietberg", 2).Concat(OpenedCases(strict, "Verl", 3)).Concat(OpenedCases(other, "Rietberg", 2)).ToArray());

        var strictReport = await factory.CoordinatorOf(strict).GetFromJsonAsync<JsonElement>("/api/reports/cases");
        Assert.Equal(3, strictReport.GetProperty("suppressionThreshold").GetInt32());
        Assert.Equal(new Dictionary<string, int?> { ["Rietberg"] = null, ["Verl"] = 3 }, await Report.OpenCasesAsync(factory.CoordinatorOf(strict)));
        Assert.Equal(new Dictionary<string, int?> { ["Rietberg"] = 2 }, await Report.OpenCasesAsync(factory.CoordinatorOf(other)));
    }

    private static IEnumerable<IntegrationEvent> OpenedCases(string tenant, string municipality, int count) =>
        Enumerable.Range(0, count).Select(_ => new CaseEvents(tenant, municipality).Opened());
}
