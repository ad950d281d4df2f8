using System.Net;
using System.Text;
using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>The funder's CSV, read the way German Excel and LibreOffice read it: BOM, semicolons, quoted fields, decimal commas.</summary>
[Collection(ReportingApiCollection.Name)]
public sealed class FundingYearCsvTests(ReportingApiFactory factory)
{
    private const string Quoted = "Schloß Holte-Stukenbrock; \"Ost\"";

    [Fact]
    public async Task FundingYear_ReadAsGermanSpreadsheetsReadIt_UmlautsIntactColumnsRightAndSmallCountsHidden()
    {
        var tenant = factory.TenantsWithThresholdFive[2];
        var events = new List<IntegrationEvent>();
        foreach (var (municipality, count) in new[] { ("Gütersloh", 3), ("Rheda-Wiedenbrück", 6), ("Verl", 2), (Quoted, 7) })
        {
            events.AddRange(Enumerable.Range(0, count).Select(_ => new CaseEvents(tenant, municipality).Opened(CaseEvents.On(2025, 2, 3))));
        }

        // Five cases of Gütersloh closed after 10, 11, 11, 12 and 13 days: median 11, average 11.4.
        foreach (var days in new[] { 10, 11, 11, 12, 13 })
        {
            var closing = new CaseEvents(tenant, "Gütersloh");
            var opened = CaseEvents.On(2025, 3, 1);
            events.AddRange([
                closing.Opened(opened), closing.MovedTo("assessment", opened), closing.MovedTo("plan", opened), closing.MovedTo("monitoring", opened),
                closing.MovedTo("closed", opened.AddDays(days)), closing.Closed(),
            ]);
        }

        await factory.DeliverTogetherAsync([.. events]);

        var response = await factory.CoordinatorOf(tenant).GetAsync("/api/reports/funding-year/2025.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var table = GermanCsv.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]));
        Assert.Equal("Jahr 2025", table[0][0]);
        Assert.Equal(
            ["Kommune", "Offene Fälle zum Jahresende", "Neue Fälle", "Abgeschlossene Fälle", "Vereinbarte Ziele", "Erreichte Ziele", "Vermittlungen",
             "Abgeschlossene Vermittlungen", "Strukturelle Befunde", "Tage bis Abschluss (Median)", "Tage bis Abschluss (Mittelwert)"],
            table[1]);
        var rows = table.Skip(2).ToDictionary(row => row[0]);
        Assert.Equal(["Gütersloh", "Rheda-Wiedenbrück", Quoted, "Verl", "Insgesamt"], rows.Keys);
        Assert.All(rows.Values, row => Assert.Equal(11, row.Length));
        // New cases: Gütersloh 8, Rheda-Wiedenbrück 6, the quoted one 7, Verl 2. Verl is below 5, Rheda-Wiedenbrück would
        // follow from it, and the audit over all relations together hides the other two. The total 23 is shown; the year's
        // closures (5, hidden, see below) are the year's new cases minus the open cases at its end (18), summed over the
        // month chain, so the open cases at the year's end are hidden instead (before the target groups were bounded by the
        // open cases, the audit happened to hide the 23; either keeps the closures unknown).
        Assert.Equal(["<5", "<5", "<5", "<5", "23"], rows.Values.Select(row => row[2]));
        Assert.Equal("<5", rows["Insgesamt"][1]);
        // The five closures of Gütersloh in March are hidden: with the open cases at the end of February and March
        // they would give March's new cases (5, hidden since February's 3 and the first quarter's 8 would give them).
        Assert.Equal(["<5", "0", "0", "0", "<5"], rows.Values.Select(row => row[3]));
        // So are their days to closure: a median beside "<5" closures would say that there were at least five.
        Assert.Equal(("<5", "<5"), (rows["Gütersloh"][9], rows["Gütersloh"][10]));
        Assert.Equal(("<5", "<5"), (rows["Insgesamt"][9], rows["Insgesamt"][10]));
        Assert.Equal("<5", rows["Verl"][1]);
    }

    [Fact]
    public async Task FundingYear_ClosuresShown_DaysToClosureInGermanDecimals()
    {
        // A tenant whose threshold (1) hides nothing: five closures after 10, 11, 11, 12 and 13 days, median 11, average 11.4.
        var tenant = TestEnvironment.NewTenant();
        var events = new List<IntegrationEvent>();
        foreach (var days in new[] { 10, 11, 11, 12, 13 })
        {
            var closing = new CaseEvents(tenant, "Gütersloh");
            var opened = CaseEvents.On(2025, 3, 1);
            events.AddRange([closing.Opened(opened), closing.MovedTo("closed", opened.AddDays(days)), closing.Closed()]);
        }

        await factory.DeliverTogetherAsync([.. events]);

        var response = await factory.CoordinatorOf(tenant).GetAsync("/api/reports/funding-year/2025.csv");

        var rows = GermanCsv.Parse(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString((await response.Content.ReadAsByteArrayAsync())[3..]))
            .Skip(2).ToDictionary(row => row[0]);
        Assert.Equal(("5", "11,0", "11,4"), (rows["Gütersloh"][3], rows["Gütersloh"][9], rows["Gütersloh"][10]));
        Assert.Equal(("5", "11,0", "11,4"), (rows["Insgesamt"][3], rows["Insgesamt"][9], rows["Insgesamt"][10]));
    }

    [Theory]
    [InlineData("26")]
    [InlineData("2026-03")]
    [InlineData("abcd")]
    public async Task FundingYear_NoYear_400(string year)
    {
        var response = await factory.CoordinatorOf(factory.TenantsWithThresholdFive[2]).GetAsync($"/api/reports/funding-year/{year}.csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
