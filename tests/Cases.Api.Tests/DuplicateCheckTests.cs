using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using KimPlatform.Cases.Api.Tests.Support;
using KimPlatform.Testing;

namespace KimPlatform.Cases.Api.Tests;

[Collection(CasesApiCollection.Name)]
public sealed class DuplicateCheckTests(CasesApiFactory factory)
{
    private readonly string _tenant = TestEnvironment.NewTenant();

    [Theory]
    [InlineData("Jana", "Müller", "Jana", "Mueller")]
    [InlineData("Mohammed", "Al-Hassan", "Muhammad", "Al Hassan")]
    [InlineData("Olena", "Kovalenko", "Kovalenko", "Olena")]
    [InlineData("Олена", "Коваленко", "Olena", "Kovalenko")]
    public async Task Check_SamePersonSpelledDifferently_IsFoundAtTheOtherOrganisation(string given, string family, string checkGiven, string checkFamily)
    {
        await OpenAtAsync("caritas-guetersloh", given, family, "1990-02-14");

        var result = await CheckAsync("stadt-rietberg", checkGiven, checkFamily, "1990-02-14");

        Assert.True(result.GetProperty("existsElsewhere").GetBoolean());
        Assert.Equal(["caritas-guetersloh"], result.GetProperty("organisations").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task Check_DifferentBirthDate_IsNotFound()
    {
        await OpenAtAsync("caritas-guetersloh", "Olena", "Kovalenko", "1990-02-14");

        var result = await CheckAsync("stadt-rietberg", "Olena", "Kovalenko", "1990-02-15");

        Assert.False(result.GetProperty("existsElsewhere").GetBoolean());
        Assert.Empty(result.GetProperty("organisations").EnumerateArray());
    }

    [Fact]
    public async Task Check_NeverReturnsCaseData_IgnoresTheCallersOwnOrganisation_AndOtherTenants()
    {
        await OpenAtAsync("caritas-guetersloh", "Yusuf", "Demir", "1985-06-01");
        var otherTenant = new CaseSession(factory.ClientFor(TestEnvironment.NewTenant(), "diakonie-x", "case_manager"));
        await otherTenant.OpenAsync(Person("Yusuf", "Demir", "1985-06-01"));

        var own = await CheckAsync("caritas-guetersloh", "Yusuf", "Demir", "1985-06-01");
        var other = await CheckAsync("stadt-verl", "Jussuf", "Demir", "1985-06-01");

        Assert.False(own.GetProperty("existsElsewhere").GetBoolean());
        Assert.Equal(["caritas-guetersloh"], other.GetProperty("organisations").EnumerateArray().Select(o => o.GetString()));
        Assert.Equal(["existsElsewhere", "organisations"], other.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Check_ClosedCasesDoNotCount()
    {
        var session = new CaseSession(factory.ClientFor(_tenant, "caritas-guetersloh", "case_manager"));
        var id = await session.OpenAsync(Person("Ahmad", "Rahimi", "1979-11-30"));
        await session.ChangeOkAsync(id, "/assessment", Bodies.Assessment);
        await session.ChangeOkAsync(id, "/plan", Bodies.Plan());
        await session.ChangeOkAsync(id, "/monitoring");
        await session.ChangeOkAsync(id, "/close", Bodies.Close);

        var result = await CheckAsync("stadt-rietberg", "Ahmad", "Rahimi", "1979-11-30");

        Assert.False(result.GetProperty("existsElsewhere").GetBoolean());
    }

    [Fact]
    public async Task Check_IsAudited_WithWhoAskedAndTheOutcome()
    {
        await OpenAtAsync("caritas-guetersloh", "Maryam", "Ahmadi", "2001-01-09");

        await CheckAsync("stadt-rietberg", "Maryam", "Ahmadi", "2001-01-09");
        await CheckAsync("stadt-rietberg", "Maryam", "Ahmadi", "2001-01-10");

        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE tenant_id = @p0 AND action = 'duplicate-check' AND organisation_id = 'stadt-rietberg' AND outcome = 'found'", _tenant));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM audit_entries WHERE tenant_id = @p0 AND action = 'duplicate-check' AND outcome = 'not-found'", _tenant));
    }

    [Fact]
    public async Task Check_MissingBirthDate_Returns400NamingTheField_AndAuditsNothing()
    {
        var response = await factory.ClientFor(_tenant, "stadt-rietberg", "case_manager")
            .PostAsJsonAsync("/api/cases/duplicate-check", new { givenName = "A", familyName = "B" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["birthDate"], errors.EnumerateObject().Select(error => error.Name));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM audit_entries WHERE tenant_id = @p0", _tenant));
    }

    private Task<Guid> OpenAtAsync(string organisation, string given, string family, string birthDate) =>
        new CaseSession(factory.ClientFor(_tenant, organisation, "case_manager")).OpenAsync(Person(given, family, birthDate));

    private async Task<JsonElement> CheckAsync(string organisation, string given, string family, string birthDate)
    {
        var response = await factory.ClientFor(_tenant, organisation, "case_manager")
            .PostAsJsonAsync("/api/cases/duplicate-check", new { givenName = given, familyName = family, birthDate });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static object Person(string given, string family, string birthDate) => new
    {
        person = new { givenName = given, familyName = family, birthDate, residenceStatus = "recognised-refugee", municipality = "Verl" },
        reachability = "good",
    };
}
