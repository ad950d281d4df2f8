namespace KimPlatform.Seed.County;

/// <summary>
/// The two fictional KIM bodies. Tenant and organisation keys follow the README's walk-throughs; every person in them
/// is generated. <c>suffix</c> gives tenant keys of their own (kreis-guetersloh-x), for tests sharing a stack.
/// </summary>
internal static class Counties
{
    public static CountyPlan[] All(string? suffix) =>
    [
        new(Key("kreis-guetersloh", suffix), "Kreis Gütersloh",
            [("Gütersloh", 40), ("Rheda-Wiedenbrück", 25), ("Rietberg", 18), ("Verl", 17)],
            "ki-guetersloh",
            [
                new("ki-guetersloh", "Kommunales Integrationszentrum Kreis Gütersloh", "integration-centre", [], ["de", "en", "ar"],
                    "Herzebrocker Straße 140", "33334", "Gütersloh", CaseManagement: true, []),
                new("stadt-guetersloh", "Stadt Gütersloh, Integrationsmanagement", "municipality", ["aufenthg"], ["de", "en", "tr"],
                    "Berliner Straße 70", "33330", "Gütersloh", CaseManagement: true, []),
                new("stadt-rietberg", "Stadt Rietberg, Fachbereich Soziales", "municipality", ["asylblg"], ["de", "ru"],
                    "Rügenstraße 1", "33397", "Rietberg", CaseManagement: true, []),
                new("caritas-guetersloh", "Caritasverband für den Kreis Gütersloh", "welfare", ["sgb-ii", "asylblg"], ["de", "ar", "fa", "uk"],
                    "Kökerstraße 7", "33330", "Gütersloh", CaseManagement: true, Offers.Caritas("Gütersloh")),
                new("diakonie-guetersloh", "Diakonie Gütersloh", "welfare", ["sgb-xii"], ["de", "en", "uk", "tr"],
                    "Kirchstraße 14", "33378", "Rheda-Wiedenbrück", CaseManagement: true, Offers.Diakonie("Rheda-Wiedenbrück")),
                new("jobcenter-guetersloh", "Jobcenter Kreis Gütersloh", "jobcenter", ["sgb-ii"], ["de", "en", "ar", "uk"],
                    "Friedrich-Ebert-Straße 54", "33330", "Gütersloh", CaseManagement: false, Offers.Jobcenter("Gütersloh")),
                new("vhs-guetersloh", "VHS Gütersloh", "other", [], ["de", "en", "ar", "fa", "uk", "ru", "tr"],
                    "Hohenzollernstraße 43", "33330", "Gütersloh", CaseManagement: false, Offers.Vhs("Gütersloh")),
                new("bruecke-verl", "Brücke der Kulturen Verl e. V.", "migrant-organisation", [], ["de", "ar", "tr", "fa"],
                    "Sender Straße 9", "33415", "Verl", CaseManagement: false, Offers.MigrantOrganisation("Verl")),
                new("gesamtschule-rietberg", "Gesamtschule Rietberg", "school", [], ["de", "uk"],
                    "Am Schulzentrum 3", "33397", "Rietberg", CaseManagement: false, Offers.School("Rietberg")),
            ],
            ShareOfCases: 0.7, "Stadthalle Gütersloh"),
        new(Key("rhein-erft-kreis", suffix), "Rhein-Erft-Kreis",
            [("Bergheim", 25), ("Kerpen", 25), ("Hürth", 20), ("Frechen", 15), ("Erftstadt", 15)],
            "ki-rhein-erft",
            [
                new("ki-rhein-erft", "Kommunales Integrationszentrum Rhein-Erft-Kreis", "integration-centre", [], ["de", "en"],
                    "Willy-Brandt-Platz 1", "50126", "Bergheim", CaseManagement: true, []),
                new("stadt-kerpen", "Stadt Kerpen, Integrationsmanagement", "municipality", ["aufenthg"], ["de", "ar"],
                    "Jahnplatz 1", "50171", "Kerpen", CaseManagement: true, []),
                new("caritas-rhein-erft", "Caritasverband für den Rhein-Erft-Kreis", "welfare", ["sgb-ii"], ["de", "ar", "uk"],
                    "Reifferscheidstraße 2", "50354", "Hürth", CaseManagement: true, Offers.Caritas("Hürth")),
                new("diakonie-rhein-erft", "Diakonie Rhein-Erft", "welfare", [], ["de", "en", "uk", "tr"],
                    "Hauptstraße 120", "50226", "Frechen", CaseManagement: false, Offers.Diakonie("Frechen")),
                new("jobcenter-rhein-erft", "Jobcenter Rhein-Erft", "jobcenter", ["sgb-ii"], ["de", "en", "ar", "uk"],
                    "Kölner Straße 50", "50126", "Bergheim", CaseManagement: false, Offers.Jobcenter("Bergheim")),
                new("vhs-rhein-erft", "VHS Rhein-Erft", "other", [], ["de", "ar", "fa", "uk", "ru", "tr", "en"],
                    "Kerpener Straße 9", "50374", "Erftstadt", CaseManagement: false, Offers.Vhs("Erftstadt")),
                new("kulturbruecke-kerpen", "Kulturbrücke Kerpen e. V.", "migrant-organisation", [], ["de", "ar", "fa", "tr"],
                    "Stiftsstraße 4", "50171", "Kerpen", CaseManagement: false, Offers.MigrantOrganisation("Kerpen")),
                new("realschule-huerth", "Realschule Hürth", "school", [], ["de", "uk", "ar"],
                    "Sudetenstraße 90", "50354", "Hürth", CaseManagement: false, Offers.School("Hürth")),
            ],
            ShareOfCases: 0.3, "Medio.Rhein.Erft, Bergheim"),
    ];

    /// <summary>Town centres, for the offers' map pins.</summary>
    public static readonly IReadOnlyDictionary<string, (double Latitude, double Longitude)> Coordinates = new Dictionary<string, (double, double)>
    {
        ["Gütersloh"] = (51.9063, 8.3783), ["Rheda-Wiedenbrück"] = (51.8406, 8.3003), ["Rietberg"] = (51.8049, 8.4276),
        ["Verl"] = (51.8833, 8.5167), ["Bergheim"] = (50.9553, 6.6394), ["Kerpen"] = (50.8697, 6.6961), ["Hürth"] = (50.8775, 6.8761),
        ["Frechen"] = (50.9119, 6.8106), ["Erftstadt"] = (50.8097, 6.7939),
    };

    private static string Key(string tenant, string? suffix) => string.IsNullOrEmpty(suffix) ? tenant : $"{tenant}-{suffix}";
}
