using KimPlatform.Contracts;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KimPlatform.Partners.Api.Apis;
using KimPlatform.Partners.Api.Domain;

namespace KimPlatform.Partners.Api.Application.Queries;

/// <summary>
/// Renders published offers and their organisations as HSDS 3.0. Ids are stable name-based UUIDs (from the tenant,
/// the organisation key or offer id and the row's role), so a directory app importing twice updates, not duplicates.
/// </summary>
internal static class HsdsRenderer
{
    public const string Version = "3.0";

    public static HsdsExport Render(string tenant, IReadOnlyList<Offer> offers, IReadOnlyList<Organisation> organisations)
    {
        var organisationIds = organisations.ToDictionary(o => o.Id, o => StableId(tenant, "organization", o.Id));
        var services = new List<HsdsService>();
        var locations = new List<HsdsLocation>();
        var serviceAtLocations = new List<HsdsServiceAtLocation>();
        var languages = new List<HsdsLanguage>();
        var schedules = new List<HsdsSchedule>();
        foreach (var offer in offers.Where(offer => organisationIds.ContainsKey(offer.OrganisationId)))
        {
            var serviceId = offer.Id;
            var organisationId = organisationIds[offer.OrganisationId];
            var text = offer.TextIn(Offer.DefaultLanguage);
            services.Add(new HsdsService(serviceId, organisationId, text.Title, text.Description, "active", offer.Capacity));
            if (offer.Location is { } location)
            {
                var locationId = StableId(tenant, "location", offer.Id.ToString());
                locations.Add(new HsdsLocation(locationId, "physical", organisationId, location.Name, location.Latitude, location.Longitude));
                serviceAtLocations.Add(new HsdsServiceAtLocation(StableId(tenant, "service-at-location", offer.Id.ToString()), serviceId, locationId));
            }

            languages.AddRange(offer.Languages.Select(code => new HsdsLanguage(StableId(tenant, "language", $"{offer.Id}/{code}"), serviceId, code)));
            schedules.AddRange(offer.Schedule.Select((hours, index) => new HsdsSchedule(
                StableId(tenant, "schedule", $"{offer.Id}/{index}"), serviceId, "WEEKLY", hours.Day.ToString()[..2].ToUpperInvariant(),
                hours.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), hours.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
                offer.ScheduleNote)));
            if (offer.ByAppointment)
            {
                schedules.Add(new HsdsSchedule(StableId(tenant, "schedule", $"{offer.Id}/appointment"), serviceId, null, null, null, null, "By appointment"));
            }
        }

        var exported = organisations.Where(o => services.Any(s => s.OrganizationId == organisationIds[o.Id]))
            .Select(o => new HsdsOrganization(organisationIds[o.Id], o.Name, $"{o.Name} ({ContractValue.Of(o.Kind)})",
                o.Contacts.Select(c => c.Email).FirstOrDefault(e => e is not null)))
            .ToList();
        return new HsdsExport(Version, exported, services, locations, serviceAtLocations, languages, schedules);
    }

    // A UUID version 5 (RFC 9562, SHA-1, name-based) in a namespace of its own.
    private static Guid StableId(string tenant, string role, string key)
    {
        var name = Encoding.UTF8.GetBytes($"kim-platform/{tenant}/{role}/{key}");
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for name-based version 5 UUIDs; nothing here is secret.
        var hash = SHA1.HashData(name);
#pragma warning restore CA5350
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
