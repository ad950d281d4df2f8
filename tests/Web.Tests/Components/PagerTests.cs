using System.Globalization;
using Bunit;
using KimPlatform.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Web.Tests.Components;

public sealed class PagerTests : IDisposable
{
    private readonly BunitContext context = new();
    private readonly CultureInfo culture = CultureInfo.CurrentUICulture;

    public PagerTests() => context.Services.AddLocalization();

    [Fact]
    public void Render_TotalCapped_OffersAPageBeyondTheLastCounted()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("de");

        var cut = context.Render<Pager>(p => p.Add(n => n.Page, 50).Add(n => n.PageSize, 20).Add(n => n.Total, 1000).Add(n => n.Capped, true));

        Assert.Contains("Seite 50 von 50+", cut.Find("nav").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("a[rel=next]"));
    }

    [Fact]
    public void Render_ExactTotal_EndsAtTheLastPage()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("de");

        var cut = context.Render<Pager>(p => p.Add(n => n.Page, 50).Add(n => n.PageSize, 20).Add(n => n.Total, 1000));

        Assert.Contains("Seite 50 von 50", cut.Find("nav").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("50+", cut.Find("nav").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("a[rel=next]"));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = culture;
        context.Dispose();
    }
}
