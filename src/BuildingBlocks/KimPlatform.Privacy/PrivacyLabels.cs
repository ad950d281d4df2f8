using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Privacy;

/// <summary>The German wording of the declaration vocabulary, as the record and the data map print it.</summary>
public static class PrivacyLabels
{
    public static string Of(PersonalDataCategory category) => category switch
    {
        PersonalDataCategory.Identity => "Identität (Name, Geburtsdatum)",
        PersonalDataCategory.Contact => "Kontaktdaten (E-Mail, Telefon)",
        PersonalDataCategory.Gender => "Geschlecht",
        PersonalDataCategory.Nationality => "Staatsangehörigkeit",
        PersonalDataCategory.ResidenceStatus => "Aufenthaltsstatus und Einreisedatum",
        PersonalDataCategory.PlaceOfResidence => "Wohnort (Kommune)",
        PersonalDataCategory.Languages => "Sprachen",
        PersonalDataCategory.Household => "Haushalt",
        PersonalDataCategory.Needs => "Bedarfe (können Gesundheitsdaten enthalten)",
        PersonalDataCategory.Goals => "Ziele der Integrationsvereinbarung",
        PersonalDataCategory.CaseNotes => "Fallnotizen, Vermittlungen und Ergebnisse",
        PersonalDataCategory.Consent => "Einwilligungen",
        PersonalDataCategory.Pseudonymous => "Pseudonyme Kennungen und statistische Kategorien",
        PersonalDataCategory.Participation => "Teilnahme (Status, Gruppe, Anwesenheit)",
        PersonalDataCategory.ParticipationNeeds => "Unterstützungsbedarf bei Veranstaltungen (Dolmetschung, Barrierefreiheit, Kinderbetreuung)",
        PersonalDataCategory.VolunteerProfile => "Profil Ehrenamtlicher (Fähigkeiten, Verfügbarkeit, Einsatzorte)",
        PersonalDataCategory.CertificateOfConduct => "Datum des erweiterten Führungszeugnisses",
        PersonalDataCategory.Staff => "Beschäftigte und Vertretungen von Organisationen (Kennung, Name, Funktion)",
        PersonalDataCategory.ProcessingDates => "Zeitpunkte der Verarbeitung",
        PersonalDataCategory.IntegrationEventPayload => "Integrationsereignisse im Ausgangspostfach (Inhalt wie beim Ereignis deklariert)",
        PersonalDataCategory.SharedCaseData => "mit Einwilligung geteilte Falldaten (Bestandteile einzeln deklariert)",
        _ => category.ToString(),
    };

    public static string Of(RetentionRule retention) => retention switch
    {
        RetentionRule.CaseRetention => "bis zur Löschung des Falls, spätestens nach Ablauf der Aufbewahrungsfrist des Mandanten (Standard 36 Monate) nach Abschluss",
        RetentionRule.UntilConsentWithdrawn => "bis zum Widerruf der Einwilligung oder zur Löschung des Falls",
        RetentionRule.ReferralRetention => "beim Partner bis 6 Monate nach Antwort auf die Vermittlung, bis zum Widerruf der Einwilligung oder bis zur Löschung des Falls",
        RetentionRule.EventRetention => "bis 90 Tage nach Ende der Veranstaltung",
        RetentionRule.WhileInVolunteerPool => "solange die Person im Ehrenamtspool ist",
        RetentionRule.SignupRetention => "bis zur Entscheidung; nicht angenommene Anmeldungen 90 Tage",
        RetentionRule.WhileMember => "solange die Mitgliedschaft oder die Organisation besteht",
        RetentionRule.StatisticsRetention => "dauerhaft als pseudonyme Statistik",
        RetentionRule.AuditRetention => "dauerhaft als Nachweis beim anonymen Gerüst des Falls (Protokoll, Einwilligungsnachweis)",
        RetentionRule.UntilDispatched => "bis zum bestätigten Versand; die Zeile wird 7 Tage danach gelöscht",
        RetentionRule.NotStored => "nicht gespeichert (nur in einer Anfrage oder Antwort über den Nachrichtenbus)",
        _ => retention.ToString(),
    };

    public static IReadOnlyList<string> Of(ProcessingPurposes purposes) => Flags(purposes, purpose => purpose switch
    {
        ProcessingPurposes.CaseManagement => "Fallmanagement",
        ProcessingPurposes.Referral => "Vermittlung",
        ProcessingPurposes.EventRegistration => "Veranstaltungsanmeldung",
        ProcessingPurposes.VolunteerPool => "Ehrenamtspool",
        ProcessingPurposes.WorkingGroupSignup => "Gremien und Arbeitsgruppen",
        ProcessingPurposes.Reporting => "Berichtswesen",
        ProcessingPurposes.PartnerNetwork => "Partnernetzwerk",
        _ => purpose.ToString(),
    });

    public static IReadOnlyList<string> Of(LegalBases bases) => Flags(bases, basis => basis switch
    {
        LegalBases.GdprArt6Para1A => "Art. 6 Abs. 1 lit. a DSGVO (Einwilligung)",
        LegalBases.GdprArt6Para1C => "Art. 6 Abs. 1 lit. c DSGVO (rechtliche Verpflichtung)",
        LegalBases.GdprArt6Para1E => "Art. 6 Abs. 1 lit. e DSGVO (öffentliche Aufgabe)",
        LegalBases.GdprArt9Para2A => "Art. 9 Abs. 2 lit. a DSGVO (ausdrückliche Einwilligung)",
        LegalBases.GdprArt9Para2H => "Art. 9 Abs. 2 lit. h DSGVO (Sozialbereich)",
        LegalBases.SgbX67A => "§ 67a SGB X (Erhebung)",
        LegalBases.SgbX67B => "§ 67b SGB X (Einwilligung bzw. gesetzliche Erlaubnis)",
        LegalBases.SgbX67C => "§ 67c SGB X (Speicherung, Veränderung, Nutzung)",
        LegalBases.SgbX69 => "§ 69 SGB X (Übermittlung für soziale Aufgaben)",
        LegalBases.SgbII50 => "§ 50 SGB II (Datenübermittlung Jobcenter)",
        LegalBases.EmploymentArt88 => "Art. 88 DSGVO i. V. m. Beschäftigtendatenschutz",
        _ => basis.ToString(),
    });

    public static IReadOnlyList<string> Of(DataRecipients recipients) => Flags(recipients, recipient => recipient switch
    {
        DataRecipients.CaseOrganisation => "Fallmanagement der fallführenden Organisation",
        DataRecipients.ConsentedPartners => "Partnerorganisationen laut Einwilligung",
        DataRecipients.HoldingOrganisation => "Beschäftigte der speichernden Organisation",
        DataRecipients.Coordination => "KIM-Koordinierungsstelle des Mandanten",
        DataRecipients.ReportingService => "Berichtsdienst (nur pseudonym)",
        DataRecipients.PartnersService => "Partnerdienst",
        DataRecipients.CasesService => "Falldienst",
        DataRecipients.EventsService => "Veranstaltungsdienst",
        DataRecipients.Public => "Öffentlichkeit (Integrationsportal)",
        DataRecipients.DataSubject => "betroffene Person (Auskunft, Quittung)",
        _ => recipient.ToString(),
    });

    public static IReadOnlyList<string> Of(DeletionPaths deletion) => Flags(deletion, path => path switch
    {
        DeletionPaths.CaseErasure => "Löschung des Falls auf Antrag (Art. 17 DSGVO)",
        DeletionPaths.CaseRetentionJob => "Aufbewahrungsjob des Falldienstes (Anonymisierung)",
        DeletionPaths.ConsentWithdrawal => "Schwärzung beim Empfänger bei Widerruf der Einwilligung",
        DeletionPaths.PartnerRetentionJob => "Aufbewahrungsjob des Partnerdienstes",
        DeletionPaths.RegistrationRetentionJob => "Aufbewahrungsjob des Veranstaltungsdienstes",
        DeletionPaths.OutboxCleanup => "Bereinigung des Ausgangspostfachs",
        DeletionPaths.ByStaff => "Änderung oder Löschung durch Beschäftigte der Organisation",
        DeletionPaths.NotDeleted => "keine Löschung (pseudonym bzw. Nachweis)",
        DeletionPaths.NothingStored => "nichts zu löschen (nicht gespeichert)",
        _ => path.ToString(),
    });

    private static List<string> Flags<TEnum>(TEnum value, Func<TEnum, string> label) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(flag => Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(flag))
            .Select(label).ToList();
}
