using KimPlatform.Contracts;
using KimPlatform.Privacy;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace KimPlatform.Testing;

/// <summary>What every service's declaration test asserts: no property that could hold personal data is undeclared.</summary>
public static class PersonalDataDeclarations
{
    /// <summary>The EF Core model of a service's DbContext, built without a database connection.</summary>
    public static Microsoft.EntityFrameworkCore.Metadata.IModel ModelOf<TContext>(Func<DbContextOptions<TContext>, TContext> create)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(create);
        using var context = create(new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=model-only").Options);
        return context.Model;
    }

    /// <summary>Every integration event and request, and the records they carry.</summary>
    public static IReadOnlyList<FieldDeclaration> Contracts => PersonalDataInventory.OfContracts(typeof(IntegrationEvent).Assembly);

    /// <summary>Fails, naming each one, when a field is neither declared personal nor non-personal.</summary>
    public static void AssertAllDeclared(IEnumerable<FieldDeclaration> fields)
    {
        var undeclared = fields.Where(field => field.IsUndeclared).Select(field => $"  {field}").ToList();
        Assert.True(undeclared.Count == 0,
            $"{undeclared.Count} properties could hold personal data but carry neither [PersonalData(category, purposes, legal bases, "
            + "recipients, retention, deletion)] nor [NotPersonalData(\"why\")] (KimPlatform.Contracts.Privacy). Declare each one:"
            + Environment.NewLine + string.Join(Environment.NewLine, undeclared));
    }
}
