using System.Globalization;
using Bunit;
using KimPlatform.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Web.Tests.Components;

public sealed class LocalizedTextTests : IDisposable
{
    private readonly BunitContext context = new();
    private readonly CultureInfo culture = CultureInfo.CurrentUICulture;

    public LocalizedTextTests() => context.Services.AddLocalization();

    [Fact]
    public void Render_GermanFallbackOnArabicPage_MarksLanguageAndSaysOnlyInGerman()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("ar");

        var cut = context.Render<LocalizedText>(p => p.Add(t => t.Text, "Sprachcafé").Add(t => t.Language, "de").Add(t => t.Fallback, true));

        Assert.Equal("de", cut.Find("span").GetAttribute("lang"));
        Assert.Equal("ltr", cut.Find("span").GetAttribute("dir"));
        Assert.Contains("بالألمانية فقط", cut.Find(".fallback").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_TranslatedText_HasNoFallbackMark()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("uk");

        var cut = context.Render<LocalizedText>(p => p.Add(t => t.Text, "Мовне кафе").Add(t => t.Language, "uk").Add(t => t.Fallback, false));

        Assert.Equal("uk", cut.Find("span").GetAttribute("lang"));
        Assert.Empty(cut.FindAll(".fallback"));
    }

    [Fact]
    public void Render_GermanTextWithoutFallbackFlagOnGermanPage_IsNotMarked()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("de");

        var cut = context.Render<LocalizedText>(p => p.Add(t => t.Text, "World Café"));

        Assert.Empty(cut.FindAll(".fallback"));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = culture;
        context.Dispose();
    }
}
