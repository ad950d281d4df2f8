using System.Globalization;
using Bunit;
using KimPlatform.Web.Components.Workspace;
using Microsoft.Extensions.DependencyInjection;

namespace KimPlatform.Web.Tests.Components;

public sealed class PhaseStepsTests : IDisposable
{
    private readonly BunitContext context = new();
    private readonly CultureInfo culture = CultureInfo.CurrentUICulture;

    public PhaseStepsTests()
    {
        context.Services.AddLocalization();
        CultureInfo.CurrentUICulture = new CultureInfo("de");
    }

    [Theory]
    [InlineData("intake", "Erstberatung", 0)]
    [InlineData("assessment", "Bestandsaufnahme", 1)]
    [InlineData("plan", "Integrationsvereinbarung", 2)]
    [InlineData("monitoring", "Monitoring", 3)]
    [InlineData("closed", "Abschluss", 4)]
    public void Render_Phase_MarksItCurrentAndTheOnesBeforeDone(string phase, string step, int done)
    {
        var cut = context.Render<PhaseSteps>(p => p.Add(s => s.Phase, phase));

        var steps = cut.FindAll("ol.steps li");
        Assert.Equal(["Erstberatung", "Bestandsaufnahme", "Integrationsvereinbarung", "Monitoring", "Abschluss"],
            steps.Select(li => li.ChildNodes[0].TextContent.Trim()));
        var current = Assert.Single(steps, li => li.GetAttribute("aria-current") == "step");
        Assert.StartsWith(step, current.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(done, steps.Count(li => li.ClassList.Contains("done")));
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = culture;
        context.Dispose();
    }
}
