using System.Globalization;
using Bunit;
using KimPlatform.Web.Components.Shared;
using KimPlatform.Web.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Web.Tests.Components;

public sealed class RightToLeftTests : IDisposable
{
    private readonly BunitContext context = new();
    private readonly CultureInfo culture = CultureInfo.CurrentUICulture;

    public RightToLeftTests() => context.Services.AddLocalization();

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("fa", "rtl")]
    [InlineData("de", "ltr")]
    [InlineData("uk", "ltr")]
    [InlineData("tr", "ltr")]
    [InlineData("ru", "ltr")]
    [InlineData("en", "ltr")]
    public void Direction_PortalLanguage_IsRightToLeftOnlyForArabicAndPersian(string language, string direction) =>
        Assert.Equal(direction, PortalLanguages.Direction(language));

    [Fact]
    public void LanguageSwitcher_OnPersianPage_NamesEachLanguageInItsOwnScriptAndDirection()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("fa");

        var cut = context.Render<LanguageSwitcher>(p => p.Add(s => s.Area, "portal"));

        var links = cut.FindAll("a");
        Assert.Equal(7, links.Count);
        var arabic = Assert.Single(links, a => a.GetAttribute("lang") == "ar");
        Assert.Equal("rtl", arabic.GetAttribute("dir"));
        var persian = Assert.Single(links, a => a.GetAttribute("lang") == "fa");
        Assert.Equal("true", persian.GetAttribute("aria-current"));
        Assert.Equal("ltr", Assert.Single(links, a => a.GetAttribute("lang") == "uk").GetAttribute("dir"));
    }

    [Fact]
    public void LocalizedText_PersianTextOnPersianPage_IsRightToLeftWithoutFallbackMark()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("fa");

        var cut = context.Render<LocalizedText>(p => p.Add(t => t.Text, "کلاس زبان").Add(t => t.Language, "fa").Add(t => t.Fallback, false));

        Assert.Equal("rtl", cut.Find("span").GetAttribute("dir"));
        Assert.Empty(cut.FindAll(".fallback"));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = culture;
        context.Dispose();
    }
}
