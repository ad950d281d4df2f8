using KimPlatform.Contracts.Privacy;

namespace KimPlatform.Partners.Api.Domain;

/// <summary>Title and description in one language, stored exactly as written (right-to-left scripts included).</summary>
public sealed class OfferText
{
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string Language { get; init; } = "";
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string Title { get; init; } = "";
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string Description { get; init; } = "";
}

public sealed class OfferLocation
{
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string? Name { get; init; }
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string? Street { get; init; }
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string? PostalCode { get; init; }
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string? City { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
}

public sealed class OfferAccessibility
{
    public bool WheelchairAccessible { get; init; }
    public bool HearingLoop { get; init; }
    public bool ChildcareAvailable { get; init; }
    [NotPersonalData("a public offer of an organisation, not about a person")]
    public string? Notes { get; init; }
}
