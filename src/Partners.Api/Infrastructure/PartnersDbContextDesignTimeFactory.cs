using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KimPlatform.Partners.Api.Infrastructure;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class PartnersDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PartnersDbContext>
{
    public PartnersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PartnersDbContext>().UseNpgsql("Host=localhost;Database=partnersdb").Options);
}
