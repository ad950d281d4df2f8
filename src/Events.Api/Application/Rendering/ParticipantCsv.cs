using KimPlatform.Contracts;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using KimPlatform.Events.Api.Domain;

namespace KimPlatform.Events.Api.Application.Rendering;

/// <summary>
/// The participant list for organisers' spreadsheets: one row per active registration in arrival order, with needs
/// and sessions. Values a spreadsheet would run as a formula (a name starting with <c>=</c>) are escaped.
/// </summary>
public static class ParticipantCsv
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    public static byte[] Render(Event e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var titles = e.Sessions.ToDictionary(s => s.Id, s => s.Title);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, Configuration))
        {
            csv.WriteRecords(e.Registrations.OrderBy(r => r.Sequence).Select(r => new Row(
                ContractValue.Of(r.Status), e.WaitlistPosition(r), r.Name, r.Email, r.Organisation, ContractValue.Of(r.ParticipantGroup),
                r.Needs?.InterpreterLanguage, r.Needs?.Accessibility, r.Needs?.Childcare == true ? "yes" : "no",
                string.Join("; ", r.Sessions.Select(place => $"{titles.GetValueOrDefault(place.SessionId)} ({ContractValue.Of(place.Status)})")),
                r.PhotoConsent ? "yes" : "no",
                r.CheckedInAt is { } at ? BerlinTime.Of(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : null)));
        }

        // The byte order mark lets spreadsheet programs read umlauts as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private sealed record Row(
        string Status, int? WaitlistPosition, string? Name, string? Email, string? Organisation, string ParticipantGroup,
        string? InterpreterLanguage, string? Accessibility, string Childcare, string Sessions, string PhotoConsent, string? CheckedInAt);
}
