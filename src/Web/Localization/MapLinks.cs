using System.Globalization;

namespace KimPlatform.Web.Localization;

/// <summary>Links that open a place in the reader's own map application; the portal embeds no map.</summary>
public static class MapLinks
{
    /// <summary>RFC 5870 <c>geo:</c> URI, which phones hand to their map application.</summary>
    public static string Geo(double latitude, double longitude, string? label) =>
        string.Create(CultureInfo.InvariantCulture, $"geo:{latitude:0.######},{longitude:0.######}")
        + (label is null ? "" : $"?q={latitude.ToString("0.######", CultureInfo.InvariantCulture)},{longitude.ToString("0.######", CultureInfo.InvariantCulture)}({Uri.EscapeDataString(label)})");

    public static string OpenStreetMap(double latitude, double longitude) =>
        string.Create(CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={latitude:0.######}&mlon={longitude:0.######}#map=17/{latitude:0.######}/{longitude:0.######}");
}
