using KimPlatform.Reporting.Api.Infrastructure;
using KimPlatform.Privacy;
using KimPlatform.Testing;

namespace KimPlatform.Reporting.Api.Tests;

/// <summary>Every property of the service's entities (owned and JSON types included) and of the contracts is declared.</summary>
public sealed class PersonalDataDeclarationTests
{
    [Fact]
    public void Entities_EveryPropertyThatCouldHoldPersonalData_IsDeclared() =>
        PersonalDataDeclarations.AssertAllDeclared(
            PersonalDataInventory.Of(PersonalDataDeclarations.ModelOf<ReportingDbContext>(options => new ReportingDbContext(options)), "reporting"));

    [Fact]
    public void Contracts_EveryPropertyThatCouldHoldPersonalData_IsDeclared() =>
        PersonalDataDeclarations.AssertAllDeclared(PersonalDataDeclarations.Contracts);
}
