namespace KimPlatform.Seed.County;

/// <summary>A KIM body to seed: its municipalities (with their share of the cases) and its organisations.</summary>
internal sealed record CountyPlan(
    string Tenant, string Name, IReadOnlyList<(string Municipality, int Weight)> Municipalities, string Coordination,
    IReadOnlyList<OrganisationPlan> Organisations, double ShareOfCases, string Venue);

/// <summary>
/// A partner organisation. <c>CaseManagement</c> organisations open cases; the others receive referrals to their offers.
/// </summary>
internal sealed record OrganisationPlan(
    string Id, string Name, string Kind, string[] LegalDomains, string[] Languages, string Street, string PostalCode, string Municipality,
    bool CaseManagement, IReadOnlyList<OfferPlan> Offers);

/// <summary>An offer with its title and description per language (German first, as the directory requires).</summary>
internal sealed record OfferPlan(
    string[] Topics, string[] TargetGroups, IReadOnlyDictionary<string, string> Title, IReadOnlyDictionary<string, string> Description,
    int? Capacity, bool ByAppointment, string? Weekday = null, string? Opens = null, string? Closes = null);
