using System.Net;
using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>Only whole months, quarters and years are periods; anything else is a 400 naming the field, never a 500.</summary>
[Collection(ReportingApiCollection.Name)]
public sealed class ReportQueryTests(ReportingApiFactory factory)
{
    [Theory]
    [InlineData("", HttpStatusCode.OK)]
    [InlineData("?period=2026", HttpStatusCode.OK)]
    [InlineData("?period=2026-Q1", HttpStatusCode.OK)]
    [InlineData("?period=2026-03", HttpStatusCode.OK)]
    [InlineData("?period=2026-03&municipality=Rheda-Wiedenbr%C3%BCck", HttpStatusCode.OK)]
    [InlineData("?period=2026-03-01", HttpStatusCode.BadRequest)]
    [InlineData("?period=2026-13", HttpStatusCode.BadRequest)]
    [InlineData("?period=2026-Q5", HttpStatusCode.BadRequest)]
    [InlineData("?period=2026-W10", HttpStatusCode.BadRequest)]
    [InlineData("?period=9999", HttpStatusCode.BadRequest)]
    [InlineData("?period=last-month", HttpStatusCode.BadRequest)]
    public async Task CasesReport_Period_WholeMonthsQuartersAndYearsOnly(string query, HttpStatusCode expected)
    {
        var response = await factory.CoordinatorOf(TestEnvironment.NewTenant()).GetAsync("/api/reports/cases" + query);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("\"period\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CasesReport_OverlongMunicipality_400NamingIt()
    {
        var response = await factory.CoordinatorOf(TestEnvironment.NewTenant()).GetAsync("/api/reports/cases?municipality=" + new string('x', 101));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"municipality\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
