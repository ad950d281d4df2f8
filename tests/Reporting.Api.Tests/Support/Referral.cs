using KimPlatform.Contracts;

namespace KimPlatform.Reporting.Api.Tests.Support;

/// <summary>The events of referrals made in Rietberg in March 2025 and answered in one step each.</summary>
internal static class Referral
{
    private static readonly DateTimeOffset March = CaseEvents.On(2025, 3, 2);

    public static ReferralRequested Requested(string tenant, Guid referralId, Guid offerId, string partner) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = March, Version = 1, CaseId = Guid.CreateVersion7(), ReferralId = referralId,
        OfferId = offerId, PartnerOrganisationId = partner, ReferringOrganisationId = "caritas", ConsentId = Guid.CreateVersion7(),
        DataCategories = ["identity"], Municipality = "Rietberg", Person = new ReferredPerson("Olena", "Kovalenko", new DateOnly(1988, 4, 12)),
    };

    public static ReferralAccepted Accepted(string tenant, Guid referralId, string partner) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = March, Version = 2, ReferralId = referralId, CaseId = Guid.CreateVersion7(),
        PartnerOrganisationId = partner, DaysToAnswer = 3,
    };

    public static ReferralDeclined Declined(string tenant, Guid referralId, string partner) => new()
    {
        EventId = Guid.CreateVersion7(), TenantId = tenant, OccurredAt = March, Version = 2, ReferralId = referralId, CaseId = Guid.CreateVersion7(),
        PartnerOrganisationId = partner, Reason = "no places", DaysToAnswer = 3,
    };
}
