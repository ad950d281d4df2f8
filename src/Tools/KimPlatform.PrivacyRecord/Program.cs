using KimPlatform.Privacy;
using KimPlatform.PrivacyRecord;

// Usage: KimPlatform.PrivacyRecord <repository root>. Writes the Markdown and HTML record under docs/privacy/.
var root = args.Length > 0 ? args[0] : Directory.GetCurrentDirectory();
if (!File.Exists(Path.Combine(root, "KimPlatform.sln")))
{
    await Console.Error.WriteLineAsync($"privacy-record: {root} is not the repository root (no KimPlatform.sln).");
    return 2;
}

var fields = PlatformDeclarations.All();
if (fields.Where(field => field.IsUndeclared).ToList() is { Count: > 0 } undeclared)
{
    await Console.Error.WriteLineAsync("privacy-record: these fields have no declaration yet:");
    undeclared.ForEach(field => Console.Error.WriteLine($"  {field}"));
    return 1;
}

Directory.CreateDirectory(Path.Combine(root, "docs", "privacy"));
await File.WriteAllTextAsync(Path.Combine(root, PlatformDeclarations.MarkdownPath), ProcessingRecord.Markdown(fields));
await File.WriteAllTextAsync(Path.Combine(root, PlatformDeclarations.HtmlPath), ProcessingRecord.Html(fields));
Console.WriteLine($"privacy-record: {fields.Count(field => field.Personal is not null)} personal fields in "
    + $"{ProcessingActivities.All.Count} processing activities → {PlatformDeclarations.MarkdownPath}, {PlatformDeclarations.HtmlPath}");
return 0;
