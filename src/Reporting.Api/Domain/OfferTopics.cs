using KimPlatform.Contracts.Privacy;
namespace KimPlatform.Reporting.Api.Domain;

/// <summary>The topics of a published offer, so that a referral to it is counted under them.</summary>
public sealed class OfferTopics
{
    [NotPersonalData("key of a public offer")]
    public Guid OfferId { get; set; }
    [NotPersonalData("key of the tenant (a county)")]
    public required string TenantId { get; set; }
    [NotPersonalData("topics of a public offer")]
    public required IReadOnlyList<string> Topics { get; set; }
    public long Version { get; set; }
}
