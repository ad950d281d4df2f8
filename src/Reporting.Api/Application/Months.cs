namespace KimPlatform.Reporting.Api.Application;

internal static class Months
{
    /// <summary>The first day of the month (UTC) the moment lies in: the finest time reporting keeps.</summary>
    public static DateOnly Of(DateTimeOffset moment) => new(moment.UtcDateTime.Year, moment.UtcDateTime.Month, 1);

    /// <summary>The first moment of that month, for pseudonymised events that must not carry the exact time.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset moment) => new(moment.UtcDateTime.Year, moment.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
}
