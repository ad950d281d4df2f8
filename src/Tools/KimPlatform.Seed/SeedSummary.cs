using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace KimPlatform.Seed;

/// <summary>How many of each kind the seed created, per tenant; tenants already seeded are listed as skipped.</summary>
public sealed class SeedSummary
{
    private readonly ConcurrentDictionary<(string Tenant, string Kind), int> _counts = new();
    private static readonly string[] Order =
    [
        "organisations", "organisations (existed)", "offers", "cases", "cases in phase intake", "cases in phase assessment", "cases in phase plan",
        "cases in phase monitoring", "cases in phase closed", "closures achieved", "closures partially-achieved", "closures not-achieved",
        "contacts", "needs", "goals", "goals achieved", "goals dropped", "structural findings", "consents", "referrals", "referrals accepted",
        "referrals declined", "referrals completed", "events", "registrations confirmed", "registrations waitlisted", "registrations cancelled",
        "check-ins", "feedback answers", "event results",
    ];

    public List<string> SeededTenants { get; } = [];

    public List<string> SkippedTenants { get; } = [];

    public void Add(string tenant, string kind, int count = 1)
    {
        _counts.AddOrUpdate((tenant, kind), count, (_, current) => current + count);
    }

    public int Count(string tenant, string kind) => _counts.GetValueOrDefault((tenant, kind));

    public string Render()
    {
        var text = new StringBuilder();
        var kinds = Order.Concat(_counts.Keys.Select(key => key.Kind).Distinct().Except(Order).Order(StringComparer.Ordinal))
            .Where(kind => SeededTenants.Any(tenant => Count(tenant, kind) > 0));
        if (SeededTenants.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{"",-34}{string.Concat(SeededTenants.Select(t => $"{t,22}"))}");
            foreach (var kind in kinds)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{kind,-34}{string.Concat(SeededTenants.Select(t => $"{Count(t, kind),22}"))}");
            }
        }

        foreach (var tenant in SkippedTenants)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{tenant}: already seeded, left as it is");
        }

        return text.ToString();
    }
}
