using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace KimPlatform.Web.Localization;

/// <summary>The portal's languages, which of them are written right to left, and how the choice is remembered.</summary>
internal static class PortalLanguages
{
    public const string CookieName = "kim-lang";

    /// <summary>In the order of the switcher, each with its own name.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("de", "Deutsch"), ("en", "English"), ("ar", "العربية"), ("uk", "Українська"), ("tr", "Türkçe"), ("fa", "فارسی"), ("ru", "Русский"),
    ];

    private static readonly string[] RightToLeft = ["ar", "fa"];

    public static bool IsSupported(string code) => All.Any(language => language.Code == code);

    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static bool IsRightToLeft(string code) => RightToLeft.Contains(code);

    public static string Direction(string code) => IsRightToLeft(code) ? "rtl" : "ltr";

    public static RequestLocalizationOptions LocalizationOptions()
    {
        var cultures = All.Select(language => Gregorian(language.Code)).ToList();
        return new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("de"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new CookieRequestCultureProvider { CookieName = CookieName },
            ],
        };
    }

    // Dates of events in Germany are shown in the Gregorian calendar in every language (Arabic and Persian default to others).
    private static CultureInfo Gregorian(string code)
    {
        var culture = new CultureInfo(code);
        if (culture.DateTimeFormat.Calendar is not GregorianCalendar
            && culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault() is { } gregorian)
        {
            culture.DateTimeFormat.Calendar = gregorian;
        }

        return culture;
    }

    public static void UseWorkspaceCulture()
    {
        var culture = new CultureInfo(Current == "en" ? "en" : "de");
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public static void Remember(HttpResponse response, string code) => response.Cookies.Append(
        CookieName,
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code)),
        new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/" });
}
