namespace KimPlatform.Partners.Api.Domain;

/// <summary>What an organisation is; the partner service is the authority on it (the case service follows its events).</summary>
public enum OrganisationKind
{
    Municipality, Welfare, Jobcenter, EmploymentAgency, ImmigrationOffice, YouthOffice, School, Daycare,
    MigrantOrganisation, ReligiousCommunity, VolunteerInitiative, IntegrationCentre, Other,
}

/// <summary>Rechtskreise: the bodies of law an organisation works under.</summary>
public enum LegalDomain { SgbII, SgbIII, SgbVIII, SgbIX, SgbXII, Asylblg, Aufenthg, Other }

public enum Weekday { Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday }

/// <summary>The target groups of the case service, so that offers and cases speak of the same people.</summary>
public enum TargetGroup { Youth, YoungAdults, Women, Families, Seniors, NewlyArrived, PeopleWithDisabilities }
