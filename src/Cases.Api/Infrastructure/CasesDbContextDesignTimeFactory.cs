using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KimPlatform.Cases.Api.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class CasesDbContextDesignTimeFactory : IDesignTimeDbContextFactory<CasesDbContext>
{
    public CasesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CasesDbContext>().UseNpgsql("Host=localhost;Database=casesdb").Options);
}
