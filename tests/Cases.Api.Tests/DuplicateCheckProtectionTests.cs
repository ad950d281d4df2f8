using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Cases.Api.Tests;

/// <summary>The duplicate check must not work as a lookup tool: it is limited per user, and every match is on record at the matched case.</summary>
[Collection(CasesApiCollection.Name)]
public sealed class DuplicateCheckProtectionTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Fact]
    public async Task Match_IsAuditedOnTheMatchedCase_AndAppearsInItsAuditAndExport()
    {
        var owner = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var id = await owner.OpenAsync(Person("Olena", "Kovalenko", "1988-04-12"));

        var check = await factory.ClientFor(_tenant, "stadt-rietberg", "case_manager")
            .PostAsJsonAsync("/api/cases/duplicate-check", new { givenName = "Olena", familyName = "Kovalenko", birthDate = "1988-04-12" });
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);

        var audit = await owner.Client.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/audit");
        var match = Assert.Single(Entries(audit), entry => entry.GetProperty("action").GetString() == "duplicate-check-match");
        Assert.Equal("stadt-rietberg", match.GetProperty("organisationId").GetString());

        var export = await owner.Client.GetStringAsync($"/api/cases/{id}/export");
        Assert.Contains("duplicate-check-match", export, StringComparison.Ordinal);
        Assert.Contains("stadt-rietberg", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checks_OverThePerUserLimit_Get429WithRetryAfter_RaiseTheAlert_AndRunNoSearch()
    {
        await using var limited = factory.WithWebHostBuilder(host => host.UseSetting("DuplicateCheck:PermitsPerHour", "3"));
        using var alerts = new MeterTotals("KimPlatform.Cases", limited.Services.GetRequiredService<IMeterFactory>());
        var client = CasesApiFactory.Authorize(limited.CreateClient(), factory.SigningKey, _tenant, "stadt-rietberg", "case_manager");
        var other = CasesApiFactory.Authorize(limited.CreateClient(), factory.SigningKey, _tenant, "stadt-verl", "case_manager");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.PostAsJsonAsync("/api/cases/duplicate-check", new { givenName = "A" + i, familyName = "B", birthDate = "1990-01-01" });
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(last!.Headers.RetryAfter);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, alerts["kim.cases.duplicate_check.limit_exceeded"]);
        Assert.Equal(3, await factory.CountAsync("SELECT count(*) FROM audit_entries WHERE tenant_id = @p0 AND action = 'duplicate-check'", _tenant));
        // The limit is the user's own: a colleague can still check.
        var colleague = await other.PostAsJsonAsync("/api/cases/duplicate-check", new { givenName = "C", familyName = "D", birthDate = "1990-01-01" });
        Assert.Equal(HttpStatusCode.OK, colleague.StatusCode);
    }

    private static IEnumerable<JsonElement> Entries(JsonElement audit) =>
        audit.ValueKind == JsonValueKind.Array ? audit.EnumerateArray() : audit.GetProperty("items").EnumerateArray();

    private static object Person(string given, string family, string birthDate) => new
    {
        person = new { givenName = given, familyName = family, birthDate, residenceStatus = "recognised-refugee", municipality = "Verl" },
        reachability = "good",
    };
}
