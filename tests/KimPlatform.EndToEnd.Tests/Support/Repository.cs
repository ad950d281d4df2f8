namespace KimPlatform.EndToEnd.Tests.Support;

/// <summary>The checkout the tests run from (the folder holding <c>kim</c> and <c>launcher/</c>).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>
    /// The API services of <c>launcher/services</c>, those that own a database (not the gateway, not the web app, which
    /// is a client of the gateway): their OpenAPI documents are <c>/openapi/{name without -api}.json</c>.
    /// </summary>
    public static IReadOnlyList<string> Services => ApiServices.Select(service => service.Name).ToArray();

    /// <summary>The same services with their project folder under <c>src/</c> and the database each owns.</summary>
    public static IReadOnlyList<(string Name, string Project, string Database)> ApiServices { get; } =
        File.ReadAllLines(Path.Combine(Root, "launcher", "services"))
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 4 && !fields[0].StartsWith('#') && fields[3] != "-")
            .Select(fields => (fields[0], fields[1], fields[3]))
            .ToArray();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "launcher", "services")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No checkout (launcher/services) above {AppContext.BaseDirectory}.");
    }
}
