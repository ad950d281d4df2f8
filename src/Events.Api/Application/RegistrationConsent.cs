namespace KimPlatform.Events.Api.Application;

/// <summary>
/// The consent to the processing of the data a registrant enters. The public page shows it (it comes with the
/// event), the registrant agrees, and the text in the chosen language is stored with the registration as evidence.
/// </summary>
public static class RegistrationConsent
{
    public const string DefaultLanguage = "de";

    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["de"] = "Ich willige ein, dass die Koordinierungsstelle des Kommunalen Integrationsmanagements meine Angaben " +
                 "(Name, E-Mail, Organisation, Teilnehmendengruppe, Bedarfe, gewählte Sessions) zur Organisation dieser " +
                 "Veranstaltung verarbeitet. Sie werden 90 Tage nach der Veranstaltung gelöscht. Ich kann meine Anmeldung " +
                 "jederzeit mit dem Storno-Link zurückziehen.",
        ["en"] = "I agree that the KIM coordination office processes the data I give (name, e-mail, organisation, " +
                 "participant group, needs, chosen sessions) to organise this event. They are deleted 90 days after the " +
                 "event. I can withdraw my registration at any time with the cancellation link.",
    };

    public static IReadOnlyCollection<string> Languages => Texts.Keys;

    public static string? Text(string language) => Texts.GetValueOrDefault(language);
}
