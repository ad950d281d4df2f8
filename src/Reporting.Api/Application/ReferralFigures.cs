using KimPlatform.Reporting.Api.Apis;
using KimPlatform.Reporting.Api.Application.Suppression;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.Application;

public sealed class ReferralFigures(TenantUnitOfWork unitOfWork, FigureReader reader)
{
    public static readonly FigureFamily Requested = new(Figures.ReferralsRequested, "referrals");
    // An offer has one topic or more (unknown when none): a referral counts under each of its offer's topics.
    public static readonly FigureFamily ByTopic = new(Figures.ReferralsByTopic, null) { Within = Requested.TotalFigure, Covers = true };
    // A referral has one status at a time, counted in the month it was made: the answered ones are some of the requested.
    public static readonly FigureFamily Accepted = new(Figures.ReferralsWithStatus("accepted"), "referrals-accepted") { PartOf = Requested };
    public static readonly FigureFamily Declined = new(Figures.ReferralsWithStatus("declined"), "referrals-declined") { PartOf = Requested };
    public static readonly FigureFamily Completed = new(Figures.ReferralsWithStatus("completed"), "referrals-completed") { PartOf = Requested };
    public const string CubeName = "referrals";
    public static readonly FigureFamily[] Families = [Requested, ByTopic, Accepted, Declined, Completed];

    public Task<ReferralReport> ReadAsync(string tenantId, ReportPeriod period, string? municipality, int threshold, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async _ =>
        {
            var flows = await reader.FlowsAsync(CubeName, Families, period, threshold, cancellationToken);
            var days = await reader.DaysAsync([Figures.DaysToAnswer], period, municipality, threshold, cancellationToken);
            var slot = period.Slot;
            var tables = Families.ToDictionary(family => family, family => FigureReader.Table(flows, family, slot, municipality));
            var partners = tables[Requested].Rows.Select(row => row.Key).Order(StringComparer.Ordinal)
                .Select(partner => Outcomes(partner, tables[Requested].Rows, tables[Accepted].Rows, tables[Declined].Rows, tables[Completed].Rows))
                .ToArray();
            var all = Outcomes("total", [tables[Requested].Total!], [tables[Accepted].Total!], [tables[Declined].Total!], [tables[Completed].Total!]);
            return new ReferralReport(
                tenantId, period.Text, municipality, threshold, tables[Requested], tables[ByTopic], partners, all, days[Figures.DaysToAnswer] with { Key = "answer" });
        }, cancellationToken);

    private static PartnerReferrals Outcomes(
        string partner, IReadOnlyList<CountCell> requested, IReadOnlyList<CountCell> accepted, IReadOnlyList<CountCell> declined, IReadOnlyList<CountCell> completed)
    {
        CountCell Of(IReadOnlyList<CountCell> rows) => rows.FirstOrDefault(row => row.Key == partner) ?? new CountCell(partner, 0, false);
        var (all, yes, no, done) = (Of(requested), Of(accepted), Of(declined), Of(completed));
        return new PartnerReferrals(
            partner, all, yes, no, done,
            Rates.Of("acceptance", [yes, done], all),
            Rates.Of("decline", [no], all),
            Rates.Of("completion", [done], all));
    }
}

internal static class Rates
{
    /// <summary>The sum of <paramref name="parts"/> over <paramref name="whole"/>; suppressed when any count is.</summary>
    public static RateCell Of(string key, IReadOnlyList<CountCell> parts, CountCell whole)
    {
        if (whole.Suppressed || parts.Any(part => part.Suppressed))
        {
            return new RateCell(key, null, true);
        }

        return whole.Value is > 0 ? new RateCell(key, Math.Round((double)parts.Sum(part => part.Value ?? 0) / whole.Value.Value, 3), false) : new RateCell(key, null, false);
    }
}
