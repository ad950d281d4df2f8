using System.Text.Json;

namespace KimPlatform.Gateway.Tests;

/// <summary>
/// The gateway is a proxy: it must not carry the services' database stack, so that a database driver's flaw or
/// configuration can never reach the one public entry.
/// </summary>
public sealed class DependencyTests
{
    [Theory]
    [InlineData("src/Gateway")]
    [InlineData("src/BuildingBlocks/KimPlatform.Security")]
    [InlineData("KimPlatform.ServiceDefaults")]
    public void DependencyClosure_HasNoEntityFrameworkOrNpgsql(string project)
    {
        var packages = PackagesInClosure(project);

        Assert.NotEmpty(packages);
        Assert.DoesNotContain(packages, name =>
            name.StartsWith("Npgsql", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Gateway_ReferencesOnlyServiceDefaultsAndSecurity()
    {
        using var assets = ReadAssets("src/Gateway");
        var projects = assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "project")
            .Select(library => library.Name.Split('/')[0])
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["KimPlatform.Security", "KimPlatform.ServiceDefaults"], projects);
    }

    // Every package (direct or transitive) in the project's restore graph.
    private static List<string> PackagesInClosure(string project)
    {
        using var assets = ReadAssets(project);
        return assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "package")
            .Select(library => library.Name.Split('/')[0])
            .ToList();
    }

    private static JsonDocument ReadAssets(string project)
    {
        var path = Path.Combine(RepositoryRoot(), project, "obj", "project.assets.json");
        return JsonDocument.Parse(File.ReadAllText(path));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KimPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("KimPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
