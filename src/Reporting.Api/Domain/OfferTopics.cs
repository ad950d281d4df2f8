namespace KimPlatform.Reporting.Api.Domain;

/// <summary>The topics of a published offer, so that a referral to it is counted under them.</summary>
public sealed class OfferTopics
{
    public Guid OfferId { get; set; }
    public required string TenantId { get; set; }
    public required IReadOnlyList<string> Topics { get; set; }
    public long Version { get; set; }
}
