namespace KimPlatform.Partners.Api.Domain;

/// <summary>Title and description in one language, stored exactly as written (right-to-left scripts included).</summary>
public sealed class OfferText
{
    public string Language { get; init; } = "";
    public string Title { get; init; } = "";
    public string Description { get; init; } = "";
}

public sealed class OfferLocation
{
    public string? Name { get; init; }
    public string? Street { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
}

public sealed class OfferAccessibility
{
    public bool WheelchairAccessible { get; init; }
    public bool HearingLoop { get; init; }
    public bool ChildcareAvailable { get; init; }
    public string? Notes { get; init; }
}
