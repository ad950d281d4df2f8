using KimPlatform.Contracts;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using KimPlatform.Events.Api.Domain;

namespace KimPlatform.Events.Api.Application.Rendering;

/// <summary>
/// RFC 5545 calendars of public events, for people to subscribe to or import. Times are local Europe/Berlin times
/// with the zone's VTIMEZONE, so calendar clients show the wall-clock time the organiser meant on both sides of a
/// daylight-saving change. Ical.Net does the folding and escaping.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Render(IEnumerable<Event> events, string calendarName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(events);
        var calendar = new Calendar { ProductId = "-//KIM Platform//Events//DE", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", calendarName);
        calendar.AddProperty("X-WR-TIMEZONE", BerlinTime.ZoneId);
        var listed = events.OrderBy(e => e.StartsAt).ToList();
        if (listed.Count > 0)
        {
            // The zone's rules from a year before the earliest time needed (Ical.Net wants that point in the past).
            var earliest = BerlinTime.Of(listed[0].StartsAt < now ? listed[0].StartsAt : now).DateTime.AddYears(-1);
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(BerlinTime.ZoneId, earliest, includeHistoricalData: false));
        }

        foreach (var e in listed)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{e.Id}@kim-platform",
                Summary = e.Title,
                Location = e.Venue,
                Description = Description(e),
                DtStart = Local(e.StartsAt),
                DtEnd = Local(e.EndsAt),
                DtStamp = new CalDateTime(now.UtcDateTime, "UTC"),
                Sequence = (int)Math.Min(e.Version, int.MaxValue),
                Transparency = "OPAQUE",
                Status = "CONFIRMED",
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Local(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(BerlinTime.Of(instant).DateTime, DateTimeKind.Unspecified), BerlinTime.ZoneId);

    private static string Description(Event e)
    {
        var sessions = e.Sessions.Count == 0 ? "" : "\nSessions: " + string.Join(", ", e.Sessions.Select(s => s.Title));
        var languages = e.Languages.Count == 0 ? "" : "\nLanguages: " + string.Join(", ", e.Languages);
        return $"{ContractValue.Of(e.Format)}{languages}{sessions}";
    }
}
