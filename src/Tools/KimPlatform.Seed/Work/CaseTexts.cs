namespace KimPlatform.Seed.Work;

/// <summary>What case managers write: needs, goals, contacts and structural findings per life area (no personal data).</summary>
internal static class CaseTexts
{
    public static readonly Dictionary<string, string[]> Needs = new()
    {
        ["language"] = ["Sucht einen Integrationskurs mit Kinderbetreuung", "Möchte von A2 auf B1 kommen", "Braucht einen Alphabetisierungskurs"],
        ["work"] = ["Anerkennung des Berufsabschlusses klären", "Sucht eine Arbeitsstelle im erlernten Beruf", "Wünscht ein Praktikum im Handwerk"],
        ["housing"] = ["Lebt noch in einer Gemeinschaftsunterkunft", "Sucht eine größere Wohnung für die Familie"],
        ["residence"] = ["Aufenthaltserlaubnis läuft in drei Monaten ab", "Fragen zum Familiennachzug"],
        ["health"] = ["Sucht eine Hausarztpraxis mit Dolmetschmöglichkeit", "Belastung nach der Flucht, wünscht Gesprächsangebot"],
        ["education"] = ["Schulplatz für ein Kind fehlt", "Möchte den Hauptschulabschluss nachholen"],
        ["family"] = ["Kita-Platz gesucht", "Unterstützung bei Elterngeld und Kindergeld"],
        ["other"] = ["Möchte sich ehrenamtlich engagieren", "Sucht Kontakt zu Nachbarn und Vereinen"],
    };

    public static readonly Dictionary<string, string[]> Goals = new()
    {
        ["language"] = ["B1-Prüfung bestehen", "Integrationskurs regelmäßig besuchen"],
        ["work"] = ["Anerkennungsbescheid liegt vor", "Arbeitsvertrag in Vollzeit", "Ausbildungsplatz gefunden"],
        ["housing"] = ["Eigene Wohnung bezogen"],
        ["residence"] = ["Verlängerung der Aufenthaltserlaubnis beantragt"],
        ["health"] = ["Hausarztpraxis gefunden", "Beratungstermine wahrgenommen"],
        ["education"] = ["Kind besucht die Schule", "Anmeldung zum Schulabschlusskurs"],
        ["family"] = ["Kita-Platz zugesagt", "Leistungen für die Familie bewilligt"],
        ["other"] = ["Mitglied in einem Verein"],
    };

    public static readonly (string LifeArea, string Theme, string Description)[] Findings =
    [
        ("language", "Wartezeiten Integrationskurs", "Integrationskurse mit Kinderbetreuung haben Wartezeiten von mehr als sechs Monaten."),
        ("housing", "Wohnungsmangel", "Für Familien ab fünf Personen gibt es kaum bezahlbare Wohnungen."),
        ("work", "Anerkennungsverfahren", "Anerkennungsverfahren für Pflegeberufe dauern länger als ein Jahr."),
        ("health", "Dolmetschen im Gesundheitswesen", "Arztpraxen haben keinen Zugang zu Dolmetschdiensten."),
        ("education", "Schulplätze", "Für neu zugewanderte Jugendliche fehlen Plätze in Förderklassen."),
        ("other", "Mobilität im ländlichen Raum", "Abends fahren keine Busse zu den Kursorten."),
    ];

    public static readonly (string Channel, string Note)[] Contacts =
    [
        ("in-person", "Erstgespräch in der Beratungsstelle"), ("phone", "Termin abgestimmt"), ("messenger", "Unterlagen nachgereicht"),
        ("email", "Bescheid weitergeleitet"), ("home-visit", "Hausbesuch, Unterlagen gesichtet"), ("video", "Kurzes Gespräch per Video"),
    ];

    /// <summary>Where a need in a life area is usually referred to: offers with this topic.</summary>
    public static string Topic(string lifeArea) => lifeArea switch
    {
        "residence" => "counselling",
        "other" => "mentoring",
        "family" => "family",
        _ => lifeArea,
    };
}
