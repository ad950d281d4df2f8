namespace KimPlatform.Reporting.Api.Domain;

/// <summary>One referral under a pseudonymous key: where it went, its topics, the month it was made and its answer.</summary>
public sealed class ReferralState
{
    public Guid Key { get; set; }
    public required string TenantId { get; set; }
    public required string Municipality { get; set; }
    public required string PartnerOrganisationId { get; set; }
    public required IReadOnlyList<string> Topics { get; set; }
    public DateOnly RequestedMonth { get; set; }

    /// <summary><c>requested</c>, <c>accepted</c>, <c>declined</c> or <c>completed</c>.</summary>
    public required string Status { get; set; }

    /// <summary>The partner's version of the referral (1 when it arrived).</summary>
    public long Version { get; set; }
}
