using KimPlatform.Cases.Api.Infrastructure;
using KimPlatform.Contracts;
using KimPlatform.Events.Api.Infrastructure;
using KimPlatform.Partners.Api.Infrastructure;
using KimPlatform.Privacy;
using KimPlatform.Reporting.Api.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KimPlatform.PrivacyRecord;

/// <summary>Every declared field of the platform: the four services' EF Core models and the contracts.</summary>
public static class PlatformDeclarations
{
    /// <summary>Where the record is committed, relative to the repository root.</summary>
    public static readonly string MarkdownPath = Path.Combine("docs", "privacy", "verarbeitungsverzeichnis.md");

    /// <summary>The HTML page beside it.</summary>
    public static readonly string HtmlPath = Path.Combine("docs", "privacy", "verarbeitungsverzeichnis.html");

    public static IReadOnlyList<FieldDeclaration> All() =>
    [
        .. PersonalDataInventory.Of(ModelOf<CasesDbContext>(options => new CasesDbContext(options)), "cases"),
        .. PersonalDataInventory.Of(ModelOf<PartnersDbContext>(options => new PartnersDbContext(options)), "partners"),
        .. PersonalDataInventory.Of(ModelOf<EventsDbContext>(options => new EventsDbContext(options)), "events"),
        .. PersonalDataInventory.Of(ModelOf<ReportingDbContext>(options => new ReportingDbContext(options)), "reporting"),
        .. PersonalDataInventory.OfContracts(typeof(IntegrationEvent).Assembly),
    ];

    private static Microsoft.EntityFrameworkCore.Metadata.IModel ModelOf<TContext>(Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext
    {
        using var context = create(new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=model-only").Options);
        return context.Model;
    }
}
