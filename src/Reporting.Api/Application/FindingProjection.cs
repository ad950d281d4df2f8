using KimPlatform.Contracts;
using KimPlatform.Reporting.Api.Domain;

namespace KimPlatform.Reporting.Api.Application;

/// <summary>Counts structural findings per life area and theme in the month they were reported; the description is not kept.</summary>
public sealed class FindingProjection(CounterChanges counters)
{
    private const int ThemeMaxLength = 200;

    public async Task HandleAsync(StructuralFindingReported finding, CancellationToken cancellationToken)
    {
        var month = Months.Of(finding.OccurredAt);
        var theme = finding.Theme.Trim();
        counters.Add(Figures.FindingsByLifeArea, month, finding.Municipality, finding.LifeArea, 1);
        counters.Add(Figures.FindingsByTheme, month, finding.Municipality, theme.Length > ThemeMaxLength ? theme[..ThemeMaxLength] : theme, 1);
        await counters.FlushAsync(finding.TenantId, cancellationToken);
    }
}
