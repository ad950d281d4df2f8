using KimPlatform.Reporting.Api.Apis;
using KimPlatform.Reporting.Api.Application.Suppression;
using KimPlatform.Reporting.Api.Domain;
using KimPlatform.Reporting.Api.Infrastructure;

namespace KimPlatform.Reporting.Api.Application;

public sealed class NetworkEventFigures(TenantUnitOfWork unitOfWork, FigureReader reader)
{
    public static readonly FigureFamily Events = new(Figures.Events, "events");
    public static readonly FigureFamily Registrations = new(Figures.Registrations, "registrations");
    public static readonly FigureFamily Waitlisted = new(Figures.Waitlisted, "waitlisted");
    // Only confirmed registrations check in or give feedback, once each: both are at most the registrations (per format;
    // ratings count by rating, so only in total). A cancellation after the check-in can break it; the cube then leaves
    // that relation out (SuppressionCube.Suppress declares only inequalities the counts keep).
    public static readonly FigureFamily Attended = new(Figures.Attended, "attended") { PartOf = Registrations };
    public static readonly FigureFamily Ratings = new(Figures.Ratings, "ratings") { PartOf = Registrations, PartPerCategory = false };
    private const string CubeName = "events";
    private static readonly FigureFamily[] Families = [Events, Registrations, Waitlisted, Attended, Ratings];

    public Task<EventReport> ReadAsync(string tenantId, ReportPeriod period, int threshold, CancellationToken cancellationToken) =>
        unitOfWork.RunAsync(async _ =>
        {
            var flows = await reader.FlowsAsync(CubeName, Families, period, threshold, cancellationToken);
            var slot = period.Slot;
            var tables = Families.ToDictionary(family => family, family => FigureReader.Table(flows, family, slot, null));
            var attendance = tables[Registrations].Rows
                .Select(row => Rates.Of(row.Key, [tables[Attended].Rows.FirstOrDefault(a => a.Key == row.Key) ?? new CountCell(row.Key, 0, false)], row))
                .ToArray();
            var ratings = tables[Ratings];
            // The average with the total would reveal a hidden rating count, so it goes with any of them.
            var hidden = ratings.Total!.Suppressed || ratings.Rows.Any(row => row.Suppressed);
            double? average = hidden || ratings.Total.Value is not > 0
                ? null
                : Math.Round(ratings.Rows.Sum(row => int.Parse(row.Key, System.Globalization.CultureInfo.InvariantCulture) * row.Value!.Value) / (double)ratings.Total.Value.Value, 2);
            return new EventReport(
                tenantId, period.Text, threshold, tables[Events], tables[Registrations], tables[Waitlisted], tables[Attended], attendance, ratings,
                average, hidden && ratings.Total.Value is not 0);
        }, cancellationToken);
}
