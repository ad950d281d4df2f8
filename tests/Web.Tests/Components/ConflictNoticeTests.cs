using System.Globalization;
using Bunit;
using KimPlatform.Web.Components.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Web.Tests.Components;

public sealed class ConflictNoticeTests : IDisposable
{
    private readonly BunitContext context = new();
    private readonly CultureInfo culture = CultureInfo.CurrentUICulture;

    public ConflictNoticeTests() => context.Services.AddLocalization();

    [Fact]
    public void Render_German_AnnouncesChangedMeanwhileWithReloadAndKeepsTheUnsavedInput()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("de");

        var cut = context.Render<ConflictNotice>(p => p.Add(n => n.ReloadHref, "/workspace/cases/1").Add(n => n.UnsavedText, "Termin beim Jobcenter"));

        var notice = cut.Find("[role=alert]");
        Assert.Contains("Zwischenzeitlich von jemand anderem geändert", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("/workspace/cases/1", cut.Find("a").GetAttribute("href"));
        Assert.Contains("Termin beim Jobcenter", cut.Find("blockquote").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_English_SaysChangedMeanwhile()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");

        var cut = context.Render<ConflictNotice>(p => p.Add(n => n.ReloadHref, "/workspace/cases/1"));

        Assert.Contains("Changed meanwhile by someone else", cut.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("blockquote"));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = culture;
        context.Dispose();
    }
}
