namespace KimPlatform.Events.Api.Application;

/// <summary>Events take place in NRW: times are shown with the Europe/Berlin offset of their day.</summary>
public static class BerlinTime
{
    public const string ZoneId = "Europe/Berlin";

    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public static DateTimeOffset Of(DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    public static DateTimeOffset? Of(DateTimeOffset? value) => value is { } present ? Of(present) : null;
}
