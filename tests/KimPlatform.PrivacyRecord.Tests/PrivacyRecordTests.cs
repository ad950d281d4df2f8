using KimPlatform.Privacy;

namespace KimPlatform.PrivacyRecord.Tests;

/// <summary>The committed record of processing activities is the one the code generates today.</summary>
public sealed class PrivacyRecordTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Markdown_Committed_MatchesTheGeneratedRecord() =>
        AssertCurrent(PlatformDeclarations.MarkdownPath, ProcessingRecord.Markdown(PlatformDeclarations.All()));

    [Fact]
    public void Html_Committed_MatchesTheGeneratedRecord() =>
        AssertCurrent(PlatformDeclarations.HtmlPath, ProcessingRecord.Html(PlatformDeclarations.All()));

    [Fact]
    public void Html_Generated_LoadsNothingFromOutside()
    {
        var html = ProcessingRecord.Html(PlatformDeclarations.All());
        Assert.Contains("Content-Security-Policy\" content=\"default-src 'none'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_Generated_HasOneActivityPerPurposeEachWithFields()
    {
        var markdown = ProcessingRecord.Markdown(PlatformDeclarations.All());
        foreach (var activity in ProcessingActivities.All)
        {
            Assert.Contains($". {activity.Name}\n", markdown, StringComparison.Ordinal);
        }

        Assert.All(ProcessingActivities.All, activity => Assert.Contains(PlatformDeclarations.All(),
            field => field.Personal is { } personal && personal.Purposes.HasFlag(activity.Purpose)));
    }

    private static void AssertCurrent(string relativePath, string generated)
    {
        var path = Path.Combine(Root, relativePath);
        var committed = File.Exists(path) ? File.ReadAllText(path) : "";
        Assert.True(committed == generated,
            $"{relativePath} is not the record the code generates today (a declaration or an activity changed). "
            + "Run `./kim privacy-record` and commit the result.");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "KimPlatform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (KimPlatform.sln) was not found above the test's output folder.");
    }
}
