using System.Net;
using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>Edge values of the report's query answer 200 or 400, never 500.</summary>
[Collection(ReportingApiCollection.Name)]
public sealed class ReportQueryTests(ReportingApiFactory factory)
{
    [Theory]
    [InlineData("?to=9999-12-31", HttpStatusCode.OK)]
    [InlineData("?from=0001-01-01&to=9999-12-31", HttpStatusCode.OK)]
    [InlineData("?to=10000-01-01", HttpStatusCode.BadRequest)]
    [InlineData("?from=2026-12-01&to=2026-11-01", HttpStatusCode.BadRequest)]
    public async Task CasesReport_EdgeDates_AnswerWithoutServerError(string query, HttpStatusCode expected)
    {
        var response = await factory.CoordinatorOf(TestEnvironment.NewTenant()).GetAsync("/api/reports/cases" + query);

        Assert.Equal(expected, response.StatusCode);
    }
}
