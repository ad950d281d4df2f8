using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Privacy;

/// <summary>One processing activity of the record (Art. 30 (1) GDPR): what the declarations cannot say field by field.</summary>
/// <param name="Purpose">The purpose the fields name.</param>
/// <param name="Name">German name of the activity.</param>
/// <param name="Description">German description of the purpose.</param>
/// <param name="DataSubjects">Categories of data subjects (German).</param>
/// <param name="Measures">Technical and organisational measures (Art. 32), German.</param>
public sealed record ProcessingActivity(
    ProcessingPurposes Purpose, string Name, string Description, IReadOnlyList<string> DataSubjects, IReadOnlyList<string> Measures);

/// <summary>The platform's processing activities, one per purpose, with the measures that protect each.</summary>
public static class ProcessingActivities
{
    private const string RowLevelSecurity =
        "Mandantentrennung durch Row-Level-Security in PostgreSQL (FORCE ROW LEVEL SECURITY); die Dienste verbinden sich mit einer Rolle, die weder Superuser noch Tabelleneigentümer ist";
    private const string Transport =
        "Verschlüsselung auf dem Transportweg: TLS zwischen Client und Lastverteiler des Kreises sowie zwischen den Hosts (PostgreSQL, RabbitMQ); die Prozesse selbst sprechen HTTP nur im internen Netz";
    private const string Tokens =
        "Anmeldung über den Identitätsanbieter des Kreises (OpenID Connect); jede Anfrage trägt Mandant, Organisation und Rolle; Ressourcen anderer Organisationen antworten 404";
    private const string SeparateDatabases =
        "Eigene Datenbank je Dienst; Dienste tauschen nur Integrationsereignisse mit dem Mindestinhalt aus, nie direkte Datenbankzugriffe";
    private const string Outbox =
        "Ausgangspostfach (Outbox): personenbezogene Felder werden nach bestätigtem Versand geleert, Zeilen nach 7 Tagen gelöscht, bei Löschung eines Falls sofort";
    private const string Erasure =
        "Löschung auf Antrag (Art. 17) und durch zeitgesteuerte Aufbewahrungsjobs; ein Test durchsucht nach der Löschung jede Tabelle jeder Datenbank nach den Werten der Testperson";

    public static IReadOnlyList<ProcessingActivity> All { get; } =
    [
        new(ProcessingPurposes.CaseManagement, "Fallmanagement (Case Management)",
            "Individuelle Begleitung Neuzugewanderter im Kommunalen Integrationsmanagement: Aufnahme, Bedarfsklärung, Integrationsvereinbarung, Begleitung und Abschluss.",
            ["Begleitete Personen (Neuzugewanderte)", "Haushaltsangehörige der begleiteten Personen", "Beschäftigte der fallführenden Organisation (Protokoll, Zuständigkeit)"],
            [RowLevelSecurity, Transport, Tokens,
             "Protokollierung jedes Lese- und Schreibzugriffs auf Falldaten (wer, wann, was, welche Organisation); das Protokoll ist nur anfügbar",
             "Fälle sind nur für die fallführende Organisation sichtbar; Änderungen nur mit aktuellem ETag (keine unbemerkten Überschreibungen)",
             "Auskunft (Art. 15) als Export über alle Dienste; Löschung (Art. 17) hinterlässt nur ein anonymes Gerüst für die Statistik",
             Erasure, Outbox]),
        new(ProcessingPurposes.Referral, "Vermittlung an Angebote von Partnern (Überleitung)",
            "Weitergabe eines Bedarfs an das Angebot einer Partnerorganisation, nur mit Einwilligung (Schweigepflichtentbindung), die Empfänger, Zweck und Datenkategorien nennt.",
            ["Begleitete Personen (Neuzugewanderte)", "Haushaltsangehörige, soweit die Einwilligung dies umfasst", "Beschäftigte der Partnerorganisationen"],
            [RowLevelSecurity, Transport, Tokens, SeparateDatabases,
             "Keine Vermittlung ohne gültige Einwilligung, die die empfangende Organisation (oder ihre Art) nennt; übermittelt werden nur die eingewilligten Datenkategorien",
             "Widerruf der Einwilligung oder Löschung des Falls schwärzt die geteilten Daten beim Empfänger sofort",
             "Nur die empfangende Organisation sieht die Vermittlung; alle anderen erhalten 404",
             Outbox, Erasure]),
        new(ProcessingPurposes.EventRegistration, "Veranstaltungsanmeldung",
            "Anmeldung der Öffentlichkeit zu Veranstaltungen des Netzwerks (World Café, Fachtag, Workshops), Wartelisten, Einlass, Planung von Dolmetschung und Kinderbetreuung.",
            ["Teilnehmende: Neuzugewanderte, Ehrenamtliche, Fachkräfte und weitere Interessierte"],
            [RowLevelSecurity, Transport,
             "Anmeldung nur mit ausdrücklicher Einwilligung in die Verarbeitung; der gezeigte Einwilligungstext wird mit der Anmeldung gespeichert",
             "Stornierungstoken wird nur als Hash gespeichert und nur einmal ausgegeben",
             "Begrenzung anonymer Anmeldungen je Client-Adresse (429)",
             "Ereignisse an andere Dienste tragen nur Anmelde-Id und Teilnehmendengruppe, nie Namen oder E-Mail-Adressen",
             "90 Tage nach der Veranstaltung entfernt ein Aufbewahrungsjob Namen, E-Mail-Adressen, Organisationen und Bedarfe",
             Erasure]),
        new(ProcessingPurposes.VolunteerPool, "Ehrenamtspool",
            "Ein Pool Ehrenamtlicher einer Organisation und die Zuordnung zu angenommenen Vermittlungen (z. B. Sprachpatenschaften).",
            ["Ehrenamtliche", "Begleitete Personen, denen eine Ehrenamtliche oder ein Ehrenamtlicher zugeordnet wird"],
            [RowLevelSecurity, Transport, Tokens,
             "Nur die Organisation des Pools sieht ihre Ehrenamtlichen; die Zuordnung wird dem Fall nicht mitgeteilt",
             "Zuordnung nur mit Einwilligung der Ehrenamtlichen in die Kontaktaufnahme; bei Minderjährigen nur mit erweitertem Führungszeugnis, nicht älter als fünf Jahre (nur das Datum wird gespeichert)"]),
        new(ProcessingPurposes.WorkingGroupSignup, "Anmeldung zu Gremien und Arbeitsgruppen",
            "Selbstanmeldung zu Lenkungsgruppe und Arbeitsgruppen des Netzwerks und Verwaltung der Mitglieder durch die Koordinierungsstelle.",
            ["Vertreterinnen und Vertreter von Organisationen", "Interessierte, die sich anmelden"],
            [RowLevelSecurity, Transport, Tokens,
             "Nicht angenommene Anmeldungen werden nach 90 Tagen gelöscht",
             "Begrenzung anonymer Anmeldungen je Client-Adresse"]),
        new(ProcessingPurposes.Reporting, "Berichtswesen",
            "Auswertungen für die Koordinierungsstelle und den Fördergeber (Land NRW) über Fälle, Vermittlungen und Veranstaltungen.",
            ["Begleitete Personen (pseudonymisiert)", "Teilnehmende an Veranstaltungen (nur Teilnehmendengruppe)"],
            [RowLevelSecurity, Transport, Tokens, SeparateDatabases,
             "Pseudonymisierung: der Berichtsdienst erhält nur Fall-Ids und Kategorien (Altersgruppe, Kommune, Aufenthaltsstatus, Zielgruppen), nie Namen oder Geburtsdaten",
             "Kleinzahlunterdrückung: Werte unter der Schwelle des Mandanten (Standard 5) werden nicht ausgegeben"]),
        new(ProcessingPurposes.PartnerNetwork, "Partnernetzwerk und Angebotsverzeichnis",
            "Verzeichnis der Partnerorganisationen und ihrer Angebote mit Ansprechpersonen und Sprechzeiten, öffentlich im Integrationsportal.",
            ["Ansprechpersonen der Partnerorganisationen"],
            [RowLevelSecurity, Transport, Tokens,
             "Nur die Koordinierungsstelle registriert Organisationen; Organisationen pflegen nur ihre eigenen Angaben"]),
    ];
}
